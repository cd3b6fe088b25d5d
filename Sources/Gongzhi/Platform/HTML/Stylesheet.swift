import Vapor

/// The one stylesheet, served from the binary so the server runs from any working directory
/// and needs no CDN. Phone first; the desk layout from 768 px.
enum Stylesheet {
    static let css = """
        :root{--red:#b0201c;--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bg:#f6f7f9;--ok:#1a7f37;--warn:#9a6700}
        *{box-sizing:border-box}
        body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft \
        YaHei",system-ui,sans-serif;color:var(--ink);background:var(--bg);font-size:16px;line-height:1.5}
        a{color:#0b57a4}
        .bar{display:flex;gap:12px;align-items:center;background:var(--red);color:#fff;padding:10px 14px;\
        flex-wrap:wrap}
        .bar a,.bar .link{color:#fff}
        .brand{font-weight:700;text-decoration:none;margin-right:auto;font-size:18px}
        .who{font-size:14px;opacity:.9}
        .frame{display:block}
        main{padding:12px;max-width:1200px;flex:1;min-width:0}
        .foot{color:var(--muted);font-size:12px;text-align:center;padding:16px 8px 80px}
        html{scroll-padding-bottom:90px}
        body.phone main{padding-bottom:80px}
        .tabs{position:fixed;bottom:0;left:0;right:0;display:flex;background:#fff;border-top:1px solid var(--line)}
        .tabs a{flex:1;text-align:center;padding:12px 4px;text-decoration:none;color:var(--muted)}
        .tabs a[aria-current]{color:var(--red);font-weight:700}
        .menu{display:flex;flex-direction:column;min-width:180px;background:#fff;border-right:1px solid \
        var(--line);padding:8px 0}
        .menu a{padding:10px 16px;text-decoration:none;color:var(--ink)}
        .menu a[aria-current]{background:#fbeaea;color:var(--red);font-weight:700;border-left:3px solid var(--red)}
        .menu-group{margin:12px 16px 2px;font-size:12px;font-weight:700;color:var(--muted);letter-spacing:.05em}
        .tabs a{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0}
        .more{list-style:none;padding:0;margin:0 0 8px;display:grid;grid-template-columns:1fr 1fr;gap:8px}
        .more a{display:block;padding:10px;border:1px solid var(--line);border-radius:6px;text-decoration:none}
        .pager .total{color:var(--muted);margin-right:8px}
        .form-problems{margin:8px 0;padding-left:20px}
        @media (min-width:768px){body.desk .frame{display:flex;min-height:calc(100vh - 48px)} main{padding:20px}}
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:0 0 14px}
        h1{font-size:22px;margin:4px 0 12px}h2{font-size:18px;margin:8px 0}
        .entries{display:grid;grid-template-columns:1fr 1fr;gap:12px}
        .entry{display:block;background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px \
        12px;text-align:center;text-decoration:none;color:var(--ink);font-size:18px}
        .entry small{display:block;color:var(--muted);font-size:13px}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border-bottom:1px solid var(--line);padding:8px;text-align:left;vertical-align:top}
        th{background:#f0f2f4;font-weight:600}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        form.inline{display:inline}
        button,.button{background:var(--red);color:#fff;border:0;border-radius:6px;padding:8px \
        14px;font-size:15px;cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary,.button.secondary{background:#fff;color:var(--ink);border:1px solid var(--line)}
        button.link{background:none;border:0;padding:0;text-decoration:underline;font-size:inherit}
        label{display:block;margin:8px 0 4px;font-weight:600}
        input,select,textarea{font:inherit;padding:8px;border:1px solid \
        var(--line);border-radius:6px;width:100%;max-width:420px;background:#fff}
        input[type=checkbox]{width:auto}
        .row{display:flex;gap:8px;flex-wrap:wrap;align-items:flex-end}
        .row>*{flex:0 1 auto}
        .flash{background:#eaf5ea;border:1px solid #b7dfb9;padding:8px 12px;border-radius:6px}
        .flash.error,.errors{background:#fdecea;border:1px solid #f5c2c0;padding:8px \
        12px;border-radius:6px;color:#8a1c17}
        .field-error{color:#8a1c17;font-size:14px}
        .muted{color:var(--muted)}
        .tag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 \
        8px;font-size:13px;margin:0 4px 2px 0;background:#fafbfc}
        .tag.archived{color:var(--muted);text-decoration:line-through}
        figure.qr{margin:8px 0}figure.qr svg{max-width:100%;height:auto}
        .crumbs{font-size:14px;margin-bottom:8px}.crumbs a{margin-right:4px}
        ul.tree{list-style:none;padding-left:18px;margin:0}ul.tree li{margin:2px 0}
        details summary{cursor:pointer}
        .grid2{display:grid;grid-template-columns:1fr;gap:14px}@media \
        (min-width:900px){.grid2{grid-template-columns:1fr 1fr}}
        table.changes{font-size:13px;margin:0}table.changes th,table.changes td{padding:2px 6px}
        pre.json{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#f6f8fa;padding:6px;margin:0;\
        max-width:420px}
        .bad td{background:#fff5f5}
        .map-frame svg{display:block;max-width:100%;max-height:75vh;width:auto;height:auto;margin:0 auto}
        .map-frame.small svg{max-width:min(100%,360px);max-height:260px;margin:0}
        .map a:hover .area,.map a:focus .area{stroke:#1f2328}
        .map .label{pointer-events:none}
        @media (max-width:640px){.map .wide{display:none}}@media (min-width:641px){.map .narrow{display:none}}
        .map a:focus .marker{stroke:#1f2328}
        input[type=image]{width:auto;height:auto;max-width:none;padding:0;border:0;border-radius:0;display:block}
        .photos{display:flex;gap:6px;flex-wrap:wrap;margin:6px 0}.photos img{border-radius:4px;border:1px solid \
        var(--line);object-fit:cover;height:96px}
        fieldset{border:1px solid var(--line);border-radius:6px;padding:4px 10px}
        fieldset label{display:inline-block;font-weight:400;margin-right:10px}
        details.action{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:#fff}
        details.action>summary{padding:12px;font-weight:700;min-height:24px}
        details.action[open]>summary{border-bottom:1px solid var(--line)}
        details.action form{padding:4px 12px 12px}
        .field{margin:6px 0}.field label{display:block}
        .unit-list{max-height:260px;overflow-y:auto}
        .unit-list label.unit{display:block;padding:6px 0;min-height:32px}
        @media (max-width:640px){table.list,table.list tbody,table.list tr,table.list td{display:block;width:auto}\
        table.list thead{display:none}table.list tr{background:#fff;border:1px solid var(--line);border-radius:6px;\
        margin:0 0 8px;padding:6px 10px}table.list td{border:0;padding:2px 0;overflow-wrap:anywhere}\
        table.list td[data-label]::before{content:attr(data-label);color:var(--muted);font-size:13px;margin-right:8px}\
        body.phone main table:not(.list) td,body.phone main table:not(.list) th{overflow-wrap:anywhere}}
        @media print{header.bar,nav,footer.foot,form,button,.button{display:none!important}\
        body,.card,table{background:#fff}main{padding:0}a{color:inherit;text-decoration:none}\
        tr{break-inside:avoid}}
        """

    static func serve() -> Response {
        StaticText.response(css, contentType: "text/css; charset=utf-8")
    }
}
