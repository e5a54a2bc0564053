/**
 * The background (a service worker in Chromium, an event page in Firefox): it runs the clips the
 * popup asks for, so a clip goes on when the popup closes, and marks the toolbar button with the
 * outcome.
 */
import { clipTab } from './lib/clip-tab.js';

const BADGE_SECONDS = 8;

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || message?.type !== 'clip') return false;
  const report = (text) => {
    // The popup may be closed by now; nobody needs to hear it then.
    chrome.runtime.sendMessage({ type: 'clip-progress', tabId: message.tabId, text }).catch(() => {});
  };
  clipTab(message, report).then(
    (result) => {
      void mark(message.tabId, '✓', '#2f7d4a');
      sendResponse({ ok: true, result });
    },
    (error) => {
      void mark(message.tabId, '!', '#b3261e');
      sendResponse({
        ok: false,
        error: { code: error?.code ?? 'internal', message: String(error?.message ?? error) },
      });
    },
  );
  return true; // the answer comes later
});

async function mark(tabId, text, color) {
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color });
    await chrome.action.setBadgeText({ tabId, text });
    setTimeout(() => chrome.action.setBadgeText({ tabId, text: '' }).catch(() => {}), BADGE_SECONDS * 1000);
  } catch {
    // The tab was closed meanwhile.
  }
}
