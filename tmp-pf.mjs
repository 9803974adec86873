import * as pagefind from 'pagefind';
const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
const r = await index.addHTMLFile({ url: '/apis/x/#list-invoices', content: '<html lang="en"><body><main data-pagefind-body><h1>List invoices</h1><p data-pagefind-weight="0.5">Customer Bill API</p><span data-pagefind-meta="api">Customer Bill API</span><span data-pagefind-filter="type">data</span></main></body></html>' });
console.log(JSON.stringify(r));
const w = await index.writeFiles({ outputPath: '/tmp/pf-out/pagefind' });
console.log(w);
await pagefind.close();
