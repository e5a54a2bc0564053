/**
 * The popup: pairing with Commonplace (a six-digit code the person approves in the app), then
 * clipping the tab — mode, tags, comment — and saying what happened.
 *
 * It clips the active tab; `popup.html?tab=<id>` names another one instead (used when the popup
 * is opened as a page of its own, where it would otherwise be the active tab itself).
 */
import { hasSelection } from './lib/capture.js';
import { parseTags } from './lib/clip-tab.js';
import {
  APP_URL,
  ClipperError,
  browserName,
  clipperClient,
  loadSettings,
  parsePort,
  saveSettings,
} from './lib/clipper.js';

const POLL_MS = 1_000;

const $ = (id) => document.getElementById(id);
const pairing = $('pairing');
const clipping = $('clipping');
const portInput = $('port');
const pairButton = $('pair-button');
const codeBox = $('pair-code-box');
const pairStatus = $('pair-status');
const clipForm = $('clip-form');
const clipButton = $('clip-button');
const clipStatus = $('clip-status');

let target = null; // { id, url }
let polling = null;

function say(element, text, kind = 'info') {
  element.textContent = text;
  element.dataset.kind = kind;
}

function show(section) {
  pairing.hidden = section !== pairing;
  clipping.hidden = section !== clipping;
}

async function findTarget() {
  const named = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  if (Number.isInteger(named)) return chrome.tabs.get(named).catch(() => null);
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  return active ?? null;
}

// Pairing ----------------------------------------------------------------------------------------

function showPairing(message = '', kind = 'info') {
  stopPolling();
  show(pairing);
  codeBox.hidden = true;
  pairButton.disabled = false;
  portInput.disabled = false;
  say(pairStatus, message, kind);
}

async function startPairing(event) {
  event.preventDefault();
  const port = parsePort(portInput.value);
  if (port === null) return say(pairStatus, 'Give a port number between 1 and 65535.', 'error');
  pairButton.disabled = true;
  portInput.disabled = true;
  say(pairStatus, 'Asking Commonplace…');
  try {
    const client = clipperClient(port);
    const ping = await client.ping();
    if (ping?.app !== 'commonplace')
      throw new ClipperError('internal', `Port ${port} is not Commonplace's clipper.`);
    const request = await client.pair(`Commonplace Clipper for ${browserName()}`);
    const pending = { port, requestId: request.requestId, code: request.code, expires: request.expires };
    await saveSettings({ port, pending, token: null });
    waitForApproval(pending);
  } catch (error) {
    showPairing(error.message, 'error');
  }
}

function waitForApproval(pending) {
  show(pairing);
  portInput.value = String(pending.port);
  portInput.disabled = true;
  pairButton.disabled = true;
  codeBox.hidden = false;
  $('pair-code').textContent = `${pending.code.slice(0, 3)} ${pending.code.slice(3)}`;
  say(pairStatus, 'Waiting for approval…');
  stopPolling();
  const client = clipperClient(pending.port);
  let asking = false;
  polling = setInterval(async () => {
    if (asking) return;
    asking = true;
    try {
      const answer = await client.pairStatus(pending.requestId);
      if (answer.status === 'approved' && typeof answer.token === 'string') {
        await saveSettings({ token: answer.token, pending: null });
        stopPolling();
        await showClipping(pending.port, 'Paired with Commonplace.');
      } else if (answer.status === 'denied') {
        await saveSettings({ pending: null });
        showPairing('Commonplace refused the pairing.', 'error');
      } else if (answer.status === 'expired') {
        await saveSettings({ pending: null });
        showPairing('The code expired before it was approved: pair again.', 'error');
      } else if (answer.status === 'approved') {
        // The token is handed out once; another window of this browser took it.
        await saveSettings({ pending: null });
        showPairing('This pairing was already completed elsewhere: pair again.', 'error');
      }
    } catch (error) {
      if (error.status === 404) {
        await saveSettings({ pending: null });
        showPairing('Commonplace forgot this pairing request (was it restarted?): pair again.', 'error');
      } else say(pairStatus, `${error.message} Still waiting…`, 'error');
    } finally {
      asking = false;
    }
  }, POLL_MS);
}

function stopPolling() {
  if (polling !== null) clearInterval(polling);
  polling = null;
}

// Clipping ---------------------------------------------------------------------------------------

async function showClipping(port, pairedMessage = 'Paired') {
  show(clipping);
  $('paired-text').textContent = `${pairedMessage} (port ${port})`;
  if (!target) {
    clipButton.disabled = true;
    return say(clipStatus, 'There is no page to clip in this window.', 'error');
  }
  if (await hasSelection(target.id)) clipForm.elements.mode.value = 'selection';
  await lookUp();
}

function showKnown(clip) {
  $('known').hidden = clip === null;
  if (clip === null) return;
  $('known-title').textContent = clip.title || clip.url || 'Untitled';
  $('known-open').href = APP_URL;
}

async function lookUp() {
  const { port, token } = await loadSettings();
  if (!token || !target?.url || !/^https?:/i.test(target.url)) return showKnown(null);
  try {
    const { clip } = await clipperClient(port, token).lookup(target.url);
    showKnown(clip ?? null);
  } catch (error) {
    if (error.code === 'unpaired') {
      await saveSettings({ token: null });
      return showPairing(error.message, 'error');
    }
    say(clipStatus, error.message, 'error');
  }
}

function describe(result) {
  const title = result.clip?.title || 'this page';
  const kept = (result.clip?.images ?? []).filter((image) => image.asset).length;
  const images = kept === 0 ? '' : kept === 1 ? ' with 1 image' : ` with ${kept} images`;
  const note = result.note ? ' Your comment is a note linked to it.' : '';
  if (result.refreshed) return `Updated “${title}” in your library${images}.${note}`;
  if (result.duplicate) return `Already in your library: “${title}”.${note}`;
  return `Clipped “${title}”${images}.${note}`;
}

async function clip(event) {
  event.preventDefault();
  if (!target) return;
  const form = clipForm.elements;
  clipButton.disabled = true;
  say(clipStatus, 'Clipping…');
  const onProgress = (message) => {
    if (message?.type === 'clip-progress' && message.tabId === target.id) say(clipStatus, message.text);
  };
  chrome.runtime.onMessage.addListener(onProgress);
  try {
    const answer = await chrome.runtime.sendMessage({
      type: 'clip',
      tabId: target.id,
      mode: form.mode.value,
      tags: parseTags(form.tags.value),
      comment: form.comment.value,
    });
    if (!answer?.ok) {
      const error = answer?.error ?? { code: 'internal', message: 'The clip stopped unexpectedly.' };
      if (error.code === 'unpaired') return showPairing(error.message, 'error');
      return say(clipStatus, error.message, 'error');
    }
    say(clipStatus, describe(answer.result), 'done');
    showKnown(answer.result.clip);
  } catch (error) {
    say(clipStatus, `The clip stopped unexpectedly: ${error.message}`, 'error');
  } finally {
    chrome.runtime.onMessage.removeListener(onProgress);
    clipButton.disabled = false;
  }
}

async function forget() {
  await saveSettings({ token: null, pending: null });
  showPairing('This browser is no longer paired. Remove it in Commonplace too if you wish.');
}

// Start ------------------------------------------------------------------------------------------

async function start() {
  $('pair-form').addEventListener('submit', startPairing);
  clipForm.addEventListener('submit', clip);
  $('forget').addEventListener('click', forget);
  target = await findTarget();
  const { port, token, pending } = await loadSettings();
  portInput.value = String(port);
  if (token) return showClipping(port);
  if (pending && Date.parse(pending.expires) > Date.now()) return waitForApproval(pending);
  if (pending) await saveSettings({ pending: null });
  showPairing();
}

start().catch((error) => {
  document.body.textContent = `The clipper could not start: ${error.message}`;
});
