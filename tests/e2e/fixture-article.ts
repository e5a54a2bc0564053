/** The fixture site's article: what the clipping spec expects to find in the reader. */
export const article = {
  title: 'The river markets of Mopti',
  site: 'Field Journal',
  author: 'Awa Traoré',
  published: '2024-03-05',
  keywords: ['sahel', 'mali', 'river-trade'],
  firstParagraph: 'Every Monday the port of Mopti fills before dawn',
  codeLine: 'tally = sum(boat.cargo for boat in harbour)',
};

const paragraph = (text: string): string => `<p>${text}</p>`;

export const articlePage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${article.title} | ${article.site}</title>
  <meta name="author" content="${article.author}">
  <meta name="keywords" content="${article.keywords.join(', ')}">
  <meta property="og:site_name" content="${article.site}">
  <meta property="og:title" content="${article.title}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="${article.published}">
  <style>body { font-family: sans-serif; }</style>
</head>
<body>
  <header><nav><a href="/">Home</a> · <a href="/about">About</a> · <a href="/subscribe">Subscribe</a></nav></header>
  <main>
    <article>
      <h1>${article.title}</h1>
      <p class="byline">By ${article.author}, <time datetime="${article.published}">5 March 2024</time></p>
      ${paragraph(
        `${article.firstParagraph}: pinasses arrive from Djenné and Timbuktu loaded with salt, dried fish, millet and rice, and by seven the quay is a maze of sacks, baskets and bargaining voices that carries on until the heat of the afternoon sends everyone under the awnings.`,
      )}
      ${paragraph(
        'Traders who have worked the river for decades say the rhythm of the market follows the water. When the flood is high in the autumn the boats can reach the town easily and prices fall; when the river drops in spring the larger boats stay downstream and goods have to be carried the last stretch by smaller canoes.',
      )}
      <figure>
        <img src="/images/boats.png" alt="Pinasses moored along the quay" width="320" height="180">
        <figcaption>Pinasses moored along the quay at first light.</figcaption>
      </figure>
      <h2>What the boats carry</h2>
      <ul>
        <li>Salt slabs from the northern mines</li>
        <li>Dried and smoked fish from the inner delta</li>
        <li>Millet, sorghum and rice from the surrounding fields</li>
      </ul>
      ${paragraph(
        'The busiest stalls are those of the fish sellers, whose smoked catch travels on by road to Bamako, Ouagadougou and as far as the coast. A good week can see several tonnes change hands, and the prices are written in chalk on boards that are wiped clean each evening.',
      )}
      <table>
        <caption>Prices on one Monday in March</caption>
        <thead><tr><th>Goods</th><th>Unit</th><th>Price (CFA francs)</th></tr></thead>
        <tbody>
          <tr><td>Smoked fish</td><td>kilogram</td><td>2,500</td></tr>
          <tr><td>Rice</td><td>50 kg sack</td><td>21,000</td></tr>
          <tr><td>Salt</td><td>slab</td><td>9,000</td></tr>
        </tbody>
      </table>
      <h2>Keeping count</h2>
      ${paragraph(
        'The harbour master keeps a ledger of every boat that docks, and a small script now adds up the cargo declared each day so the town council can follow the trade through the year.',
      )}
      <pre><code>${article.codeLine}
print(f"{tally} tonnes landed today")</code></pre>
      <img src="/images/market.png" alt="Baskets of dried fish in the market" width="240" height="160">
      ${paragraph(
        'By evening the quay empties again. The boats that came in the morning are loaded for the return journey with cloth, sugar, tea and fuel, and the traders count their takings before the next market day comes round.',
      )}
    </article>
  </main>
  <aside><h2>Related stories</h2><ul><li><a href="/other">The salt caravans</a></li></ul></aside>
  <footer><p>Subscribe to our newsletter.</p><form><input type="email" name="email"><button>Sign up</button></form></footer>
</body>
</html>
`;

/** A front page: headlines and links, no article. Clipping it needs "Keep the whole page". */
export const frontPage = {
  title: 'Field Journal — Notes from the Sahel',
  headline: 'The river markets of Mopti',
  html: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Field Journal — Notes from the Sahel</title>
<meta property="og:site_name" content="Field Journal"><meta property="og:type" content="website"></head>
<body>
  <header><a href="/">Field Journal</a><nav><a href="/news">News</a> <a href="/photos">Photos</a> <a href="/about">About</a></nav></header>
  <main>
    <section><h2>Latest</h2>
      <div><h3><a href="/article.html">The river markets of Mopti</a></h3><p>A Monday on the quay.</p></div>
      <div><h3><a href="/salt">The salt caravans</a></h3><p>Three weeks across the desert.</p></div>
      <div><h3><a href="/granaries">The granaries of Djenné</a></h3><p>Mud, masons and rain.</p></div>
    </section>
    <ul><li><a href="/a">Timbuktu manuscripts return</a></li><li><a href="/b">Mopti port reopens</a></li></ul>
  </main>
  <footer><a href="/contact">Contact</a></footer>
</body>
</html>
`,
};
