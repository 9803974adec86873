declare module 'virtual:portolan/site' {
  const site: import('./site/site-data.ts').SiteData;
  export default site;
}
