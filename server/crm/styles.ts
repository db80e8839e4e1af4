// One stylesheet for every demo CRM page, modelled on the Salesforce Lightning Design System:
// brand blue, grey page, white bordered cards, compact 13px tables. Served as a static asset so
// no page ever needs raw HTML.

const brand = '#0176d3';
const brandDark = '#014486';
const border = '#e5e5e5';
const label = '#706e6b';
const text = '#181818';

const base = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%}
body{margin:0;background:#f3f3f3;color:${text};font:13px/1.5 'Salesforce Sans',-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}
a{color:${brand};text-decoration:none}
a:hover,a:focus{color:${brandDark};text-decoration:underline}
h1,h2,h3{margin:0;font-weight:700}
.muted{color:${label}}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.page{padding:12px;max-width:1440px;margin:0 auto}
.card{background:#fff;border:1px solid ${border};border-radius:4px;box-shadow:0 2px 2px 0 rgba(0,0,0,.1)}
.btn{display:inline-flex;align-items:center;gap:4px;height:32px;padding:0 16px;border:1px solid #c9c9c9;border-radius:4px;background:#fff;color:${brand};font:inherit;font-weight:400;cursor:pointer;white-space:nowrap}
.btn:hover{background:#f3f3f3;text-decoration:none}
.btn-brand{background:${brand};border-color:${brand};color:#fff}
.btn-brand:hover{background:${brandDark};border-color:${brandDark};color:#fff}
.btn-group{display:inline-flex}.btn-group .btn{border-radius:0;margin-left:-1px}
.btn-group .btn:first-child{border-radius:4px 0 0 4px;margin-left:0}.btn-group .btn:last-child{border-radius:0 4px 4px 0}
.badge{display:inline-block;padding:0 8px;border-radius:15px;background:#e5e5e5;font-size:12px;line-height:20px;white-space:nowrap}
.badge-success{background:#2e844a;color:#fff}.badge-warning{background:#fe9339;color:#181818}
.badge-error{background:#ba0517;color:#fff}.badge-info{background:#d8e6fe;color:${brandDark}}
.icon{display:inline-flex;align-items:center;justify-content:center;flex:none;border-radius:4px;color:#fff}
.icon svg{width:70%;height:70%;fill:currentColor}
`;

const header = `
.global-header{position:sticky;top:0;z-index:10;background:#fff;box-shadow:0 2px 3px rgba(0,0,0,.12)}
.gh-top{display:flex;align-items:center;gap:16px;height:50px;padding:0 12px;border-bottom:1px solid ${border}}
.gh-logo{display:flex;align-items:center;gap:8px;color:${text};font-weight:700;font-size:14px;white-space:nowrap}
.gh-logo svg{width:42px;height:30px}
.gh-search{flex:1;display:flex;justify-content:center;min-width:0}
.gh-search input{width:100%;max-width:560px;height:32px;padding:0 12px 0 32px;border:1px solid #c9c9c9;border-radius:4px;font:inherit;background:#fff url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath fill='%23706e6b' d='M9.5 3a6.5 6.5 0 0 1 5.2 10.4l5.4 5.4-1.4 1.4-5.4-5.4A6.5 6.5 0 1 1 9.5 3zm0 2a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z'/%3E%3C/svg%3E") no-repeat 9px center/16px}
.gh-search input:focus{outline:none;border-color:${brand};box-shadow:0 0 3px ${brand}}
.gh-user{display:flex;align-items:center;gap:8px;white-space:nowrap}
.avatar{display:inline-flex;align-items:center;justify-content:center;width:32px;height:32px;border-radius:50%;background:#3e8ad6;color:#fff;font-weight:700;font-size:12px}
.gh-user-name{display:flex;flex-direction:column;line-height:1.2}
.gh-user-name small{color:${label};font-size:11px}
.link-button{border:0;background:none;padding:0;color:${brand};font:inherit;cursor:pointer}
.link-button:hover{text-decoration:underline;color:${brandDark}}
.gh-nav{display:flex;align-items:stretch;height:40px;padding:0 12px;gap:4px}
.waffle{display:grid;grid-template-columns:repeat(3,4px);gap:3px;align-content:center;justify-content:center;width:32px;border:0;background:none;cursor:pointer}
.waffle span{width:4px;height:4px;border-radius:50%;background:${label}}
.gh-app{display:flex;align-items:center;padding:0 24px 0 8px;font-size:18px;font-weight:400;white-space:nowrap}
.gh-tabs{display:flex;margin:0;padding:0;list-style:none;overflow-x:auto}
.gh-tabs a{display:flex;align-items:center;height:100%;padding:0 12px;color:${text};border-bottom:3px solid transparent;border-top:3px solid transparent;white-space:nowrap}
.gh-tabs a:hover{background:#f3f3f3;text-decoration:none}
.gh-tabs a[aria-current=page]{border-bottom-color:${brand};background:#fafaf9;font-weight:700}
`;

const record = `
.record-header{padding:12px 16px;margin-bottom:12px}
.rh-top{display:flex;align-items:flex-start;gap:12px}
.rh-title-block{flex:1;min-width:0}
.rh-object{font-size:13px;color:${label}}
.rh-title{font-size:18px;line-height:1.25;font-weight:700;overflow-wrap:anywhere}
.rh-actions{display:flex;gap:8px;flex-wrap:wrap;justify-content:flex-end}
.rh-fields{display:flex;flex-wrap:wrap;gap:8px 32px;margin:12px 0 0;padding:0;list-style:none}
.rh-fields li{display:flex;flex-direction:column;min-width:0;max-width:260px}
.field-label{color:${label};font-size:12px;line-height:1.5}
.field-value{overflow-wrap:anywhere}
.record-body{display:grid;grid-template-columns:minmax(0,1fr);gap:12px;align-items:start}
@media (min-width:1100px){.record-body.with-side{grid-template-columns:minmax(0,2fr) minmax(300px,1fr)}}
.back-link{display:inline-block;margin-bottom:8px}
`;

const tabs = `
.tabs{padding:0 16px 16px}
.tab-input{position:absolute;opacity:0;pointer-events:none}
.tab-bar{display:flex;gap:8px;border-bottom:1px solid ${border};margin:0 -16px 12px;padding:0 16px}
.tab-bar label{padding:10px 8px 7px;border-bottom:3px solid transparent;cursor:pointer;font-size:14px}
.tab-bar label:hover{border-bottom-color:#c9c9c9}
.tab-panel{display:none}
#tab-related:checked~.tab-bar label[for=tab-related],#tab-details:checked~.tab-bar label[for=tab-details]{border-bottom-color:${brand};font-weight:700}
#tab-related:checked~.panel-related,#tab-details:checked~.panel-details{display:block}
.tab-input:focus-visible~.tab-bar{outline:2px solid ${brand}}
`;

const cards = `
.related{margin-bottom:12px;border:1px solid ${border};border-radius:4px;background:#f3f3f3}
.related-header{display:flex;align-items:center;gap:8px;padding:10px 12px}
.related-header h2{font-size:14px;flex:1}
.related-body{background:#fff;border-top:1px solid ${border};overflow-x:auto}
.related-footer{padding:8px;text-align:center;border-top:1px solid ${border};background:#fff;border-radius:0 0 4px 4px}
.related-empty{padding:12px;color:${label};background:#fff;border-top:1px solid ${border}}
.data-table{width:100%;border-collapse:collapse;background:#fff}
.data-table th{padding:6px 8px;border-bottom:1px solid ${border};background:#fafaf9;color:${label};font-size:12px;font-weight:700;text-align:left;white-space:nowrap}
.data-table td{padding:6px 8px;border-bottom:1px solid ${border};vertical-align:top}
.data-table tbody th{background:#fff;font-weight:400;color:${text};font-size:13px;white-space:nowrap}
.data-table tbody tr:last-child td,.data-table tbody tr:last-child th{border-bottom:0}
.data-table tbody tr:hover td{background:#f3f3f3}
.data-table .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.data-table .nowrap{white-space:nowrap}
.data-table .row-no{width:40px;color:${label};text-align:right}
.data-table .sub{display:block;color:${label};font-size:11px}
.details-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:0 24px;margin:0;padding:4px 0}
.details-grid div{padding:6px 0;border-bottom:1px solid ${border}}
.details-grid .wide{grid-column:1/-1}
.details-grid dt{color:${label};font-size:12px}
.details-grid dd{margin:0;min-height:20px;overflow-wrap:anywhere}
.section-title{font-size:14px;padding:8px 0;margin-top:8px;border-bottom:1px solid ${border}}
.doc-body{white-space:pre-wrap;font-size:14px;line-height:1.6;max-width:80ch;padding:8px 0}
`;

const timeline = `
.side-card{padding:0 0 8px}
.side-card>h2{font-size:14px;padding:12px 16px;border-bottom:1px solid ${border}}
.timeline-group{padding:0 16px}
.timeline-group h3{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:${label};margin:12px 0 4px;padding:4px 8px;background:#f3f3f3;border-radius:4px}
.timeline{list-style:none;margin:0;padding:0}
.timeline li{display:flex;gap:10px;padding:8px 0;border-bottom:1px solid #f3f3f3}
.timeline .icon{width:24px;height:24px;border-radius:50%}
.tl-main{flex:1;min-width:0}
.tl-subject{font-weight:400;overflow-wrap:anywhere}
.tl-meta{color:${label};font-size:12px}
.tl-notes{margin:2px 0 0;color:#444;font-size:12px}
`;

const list = `
.list-header{display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:12px 16px;border-radius:4px 4px 0 0}
.list-header .icon{width:32px;height:32px}
.list-title{flex:1;min-width:200px}
.list-title h1{font-size:18px;line-height:1.25}
.list-meta{width:100%;color:${label};font-size:12px}
.list-search{display:flex;gap:8px}
.list-search input{height:32px;width:240px;padding:0 12px;border:1px solid #c9c9c9;border-radius:4px;font:inherit}
.list-body{border-top:0;border-radius:0 0 4px 4px;overflow-x:auto}
`;

const auth = `
.auth{display:flex;justify-content:center;padding:48px 16px}
.auth-card{width:100%;max-width:460px;padding:24px}
.auth-card h1{font-size:20px;margin:8px 0 4px}
.auth-card p{margin:4px 0 16px;color:${label}}
.auth-logo{display:flex;justify-content:center}
.auth-logo svg{width:96px;height:66px}
.user-choice{display:flex;width:100%;align-items:center;gap:12px;margin:8px 0;padding:10px 12px;border:1px solid #c9c9c9;border-radius:4px;background:#fff;font:inherit;text-align:left;cursor:pointer}
.user-choice:hover,.user-choice:focus{border-color:${brand};background:#f4f8fe;outline:none}
.user-choice strong{display:block;color:${brand};font-size:14px}
.user-choice span.muted{font-size:12px}
.notice{padding:24px;text-align:center}
.notice h1{font-size:20px;margin-bottom:8px}
`;

/** The whole stylesheet, served at CRM_CSS_PATH. */
export const CRM_CSS = [base, header, record, tabs, cards, timeline, list, auth].join('\n');
export const CRM_CSS_PATH = '/assets/crm.css';
