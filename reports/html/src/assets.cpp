// The stylesheet and scripts of index.html. The script renders everything a
// peer controls with textContent and createElement only, never innerHTML, so
// escaping in C++ (for the static matrix) and DOM text nodes (for the details)
// are the only two paths peer data takes into the page.
#include "assets.hpp"

namespace wsc::report::html::detail {

const char* const page_css = R"CSS(
:root{--pass:#2f9e44;--nonstrict:#8f8f14;--fail:#d9363e;--info:#3b6fd4;--unimpl:#7e4fb5;--missing:#8d6e4f;--noclose:#b35c00;
--line:#d8dde3;--bg:#f6f7f9;--ink:#1f2328;--muted:#59636e}
*{box-sizing:border-box}
body{margin:0;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
header{padding:14px 20px 8px;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:15px;margin:0 0 8px}
.meta{margin:0 0 6px;color:var(--muted)}
code,pre,.mono{font-family:"DejaVu Sans Mono",ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.legend{margin:0;display:flex;flex-wrap:wrap;gap:4px;align-items:center}
.legend span{padding:1px 8px;border-radius:3px}
.legend .sep{color:var(--muted);padding-left:12px}
main{padding:12px 20px 40px}
body.with-detail main,body.with-detail header{margin-right:min(50vw,760px)}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin-bottom:12px}
.agent-sum{display:grid;grid-template-columns:minmax(120px,220px) minmax(200px,1fr) auto;gap:10px;align-items:center;padding:3px 0}
.aname{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar{display:flex;height:16px;border-radius:3px;overflow:hidden;background:#e9ecef}
.bar span{display:block;height:100%}
.counts{color:var(--muted);white-space:nowrap}
.bar .pass,.v.pass{background:var(--pass)}.bar .nonstrict,.v.nonstrict{background:var(--nonstrict)}
.bar .fail,.v.fail{background:var(--fail)}.bar .info,.v.info{background:var(--info)}
.bar .unimpl,.v.unimpl{background:var(--unimpl)}.bar .missing,.v.missing{background:var(--missing)}.v.noclose{background:var(--noclose)}
.v{color:#fff}
#filters{position:sticky;top:0;z-index:3;display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.chip{border:1px solid var(--line);background:#fff;border-radius:14px;padding:3px 10px;cursor:pointer;font:inherit}
.chip b{font-weight:600;color:var(--muted)}
.chip.on{background:var(--ink);color:#fff;border-color:var(--ink)}.chip.on b{color:#cfd6dd}
.tools{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.tools input{width:220px;padding:3px 6px}
#f-count{color:var(--muted)}
#matrix{border-collapse:collapse;background:#fff;border:1px solid var(--line)}
#matrix th,#matrix td{border:1px solid var(--line);padding:2px 6px;text-align:left;vertical-align:middle}
#matrix thead th{position:sticky;top:0;background:#eef1f4;z-index:1}
#matrix th.agent{text-align:center;max-width:180px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#matrix tr.sec th{background:#e4e8ec;font-size:13px}
#matrix tr.sub th{background:#f1f3f5;font-weight:600;color:var(--muted)}
#matrix td.id{white-space:nowrap;font-family:"DejaVu Sans Mono",ui-monospace,monospace}
#matrix td.desc{max-width:440px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:var(--muted)}
#matrix td.v{text-align:center;min-width:74px;font-weight:600}
#matrix td.v a{color:#fff;text-decoration:none;display:block}
#matrix td.v small{display:block;font-weight:400;font-size:11px;opacity:.9}
#matrix td.c{text-align:center;min-width:52px;font-size:12px}
#matrix.noclose td.c{display:none}
#matrix tr.case:hover td{outline:1px solid #9aa5b1}
#matrix tr.case.sel td{box-shadow:inset 0 0 0 2px #111}
.tot{text-align:center;font-weight:600}.tot.all{color:var(--pass)}.tot.ranall{color:var(--nonstrict)}.tot.some{color:var(--fail)}
.c-ok{background:#d3f0d9;color:#1d6b2d}.c-fbc{background:#e8f6cf;color:#4a7a12}.c-wrong{background:#f0efc4;color:#6b6a10}
.c-info{background:#dbe6fb;color:#24479a}.c-unclean{background:#f9d5d7;color:#a3161d}.c-fail{background:var(--fail);color:#fff}
a.rfc{color:var(--info);text-decoration:none}
table.cmp{border-collapse:collapse}table.cmp td,table.cmp th{border:1px solid var(--line);padding:2px 8px}
table.cmp tr.worse td{background:#fbe3e4}table.cmp tr.better td{background:#e0f3e4}
.pair{background:#eef1f4;border-radius:3px;padding:0 6px}
#detail{position:fixed;top:0;right:0;bottom:0;width:min(50vw,760px);background:#fff;border-left:1px solid var(--line);
box-shadow:-4px 0 16px rgba(0,0,0,.08);overflow:auto;z-index:5;padding:0 16px 30px}
#detail .dhead{position:sticky;top:0;background:#fff;text-align:right;padding-top:6px}
#dclose{font-size:18px;border:0;background:none;cursor:pointer}
.banner{color:#fff;padding:10px 12px;border-radius:5px;margin-bottom:10px}
.banner.pass{background:var(--pass)}.banner.nonstrict{background:var(--nonstrict)}.banner.fail,.banner.noclose{background:var(--fail)}
.banner.info{background:var(--info)}.banner.unimpl{background:var(--unimpl)}
.bt{font-size:16px;font-weight:600;word-break:break-all}.bs{opacity:.95}
#detail h3{font-size:14px;margin:14px 0 6px;border-bottom:1px solid var(--line);padding-bottom:2px}
#detail h4{font-size:12px;margin:6px 0 2px}
#detail pre{background:#f6f8fa;border:1px solid var(--line);border-radius:4px;padding:6px 8px;white-space:pre-wrap;word-break:break-all;margin:4px 0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.match{color:var(--pass);font-weight:600}
ul.ev{margin:2px 0;padding-left:18px}ul.ev code{background:#f1f3f5;padding:0 3px;word-break:break-all}
table.kv{border-collapse:collapse}table.kv th,table.kv td{border:1px solid var(--line);padding:1px 6px;text-align:left;vertical-align:top}
table.kv th{font-weight:500;color:var(--muted)}
table.wire{border-collapse:collapse;width:100%;font-family:"DejaVu Sans Mono",ui-monospace,monospace;font-size:11px}
table.wire th,table.wire td{border:1px solid var(--line);padding:1px 4px;text-align:left;vertical-align:top}
table.wire td.pl{word-break:break-all;max-width:220px}table.wire td:nth-child(2){white-space:nowrap}
table.wire tr.tx td{background:#f4f8ff}table.wire tr.rx td{background:#f3fbf4}table.wire tr.tm td{color:var(--muted);font-style:italic}
.err{color:var(--fail)}
.cmdrow{display:flex;gap:6px;align-items:flex-start}.cmdrow pre{flex:1}
#matrix td.v small.acc{font-size:10px;opacity:.85;font-weight:400}
#matrix td.v small.unx{font-size:10px;font-weight:600;background:#fff;color:var(--fail);border-radius:3px;margin-top:1px}
.counts .unx{color:var(--fail);font-weight:600}
.incomplete{border-left:4px solid var(--missing);background:#f7f1ea;padding:6px 12px;margin:8px 0}.incomplete ul{margin:4px 0 0;padding-left:18px}
.why{border-left:4px solid var(--line);padding:4px 10px;margin:6px 0;background:#f6f8fa}
.why.accepted,.why.policy{border-color:var(--pass)}.why.todo,.why.worse,.why.unaccepted{border-color:var(--fail);background:#fdf0f0}
)CSS";

const char* const page_guard_js = R"JS(
window.__wsc={errors:[],alerts:0};
window.addEventListener('error',function(e){
  var t=e&&e.target;
  var what=(t&&t!==window&&t.tagName)?('resource '+t.tagName):String(e&&e.message);
  window.__wsc.errors.push(what+' @'+String(e&&e.filename||'')+':'+String(e&&e.lineno||0));
},true);
window.alert=window.confirm=window.prompt=function(){window.__wsc.alerts++;};
)JS";

const char* const page_js = R"JS(
(function(){
'use strict';
var W=window.__wsc||{errors:[],alerts:0};
var D=null;
function data(){if(!D){D=JSON.parse(document.getElementById('wsc-data').textContent);}return D;}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined&&text!==null)e.textContent=String(text);return e;}
function add(p,c){p.appendChild(c);return c;}
function str(v){return v===null||v===undefined?'':String(v);}
function each(list,f){Array.prototype.forEach.call(list,f);}

/* ---- filters ---- */
var matrix=document.getElementById('matrix');
var rows=matrix?Array.prototype.slice.call(matrix.querySelectorAll('tr.case')):[];
var state={f:'all',sec:'',q:''};
var secSel=document.getElementById('f-sec'),qBox=document.getElementById('f-q'),count=document.getElementById('f-count');
function apply(){
  var shown=0,q=state.q.toLowerCase();
  if(!matrix)return 0;
  each(matrix.tBodies,function(tb){
    var secOk=!state.sec||tb.getAttribute('data-sec')===state.sec,any=false;
    each(tb.rows,function(tr){
      if(!tr.classList.contains('case'))return;
      var ok=secOk&&(state.f==='all'||(' '+tr.getAttribute('data-cats')+' ').indexOf(' '+state.f+' ')>=0)&&
             (!q||str(tr.getAttribute('data-q')).indexOf(q)>=0);
      tr.hidden=!ok;
      if(ok){any=true;shown++;}
    });
    tb.hidden=!any;
  });
  if(count)count.textContent=shown+' of '+rows.length+' cases shown';
  return shown;
}
function visible(){var n=0;rows.forEach(function(r){if(!r.hidden&&!r.parentNode.hidden)n++;});return n;}
each(document.querySelectorAll('.chip'),function(c){
  c.addEventListener('click',function(){
    state.f=c.getAttribute('data-f')||'all';
    each(document.querySelectorAll('.chip'),function(o){o.classList.toggle('on',o===c);});
    apply();
  });
});
if(secSel)secSel.addEventListener('change',function(){state.sec=secSel.value;apply();});
if(qBox)qBox.addEventListener('input',function(){state.q=qBox.value;apply();});
var tog=document.getElementById('toggle-close');
if(tog&&matrix)tog.addEventListener('click',function(){
  var off=matrix.classList.toggle('noclose');tog.textContent=off?'Show close columns':'Hide close columns';
});

/* ---- details ---- */
var pane=document.getElementById('detail'),body=document.getElementById('dbody');
var OPS={0:'CONT',1:'TEXT',2:'BINARY',8:'CLOSE',9:'PING',10:'PONG'};
function opName(o){return OPS.hasOwnProperty(o)?OPS[o]:('op '+str(o));}
function rsvBits(n){n=(+n)|0;return ((n&4)?'1':'0')+((n&2)?'1':'0')+((n&1)?'1':'0');}
function fmtMs(v){return typeof v==='number'?(Math.round(v*10)/10)+' ms':'';}
function hexToText(h){var s='';for(var i=0;i+1<h.length;i+=2){var c=parseInt(h.substr(i,2),16);s+=(c>=32&&c<127)?String.fromCharCode(c):'\u00b7';}return s;}
function textToHex(t){var b;try{b=new TextEncoder().encode(t);}catch(e){return '';}var s='';for(var i=0;i<b.length&&i<64;i++){s+=(b[i]<16?'0':'')+b[i].toString(16);}return s+(b.length>64?' \u2026':'');}
function views(disp,op){
  disp=str(disp);var cut=false;
  if(/ \.\.\.$/.test(disp)){disp=disp.slice(0,-4);cut=true;}
  var more=cut?' \u2026':'',v;
  if(disp.slice(0,2)==='0x'){var h=disp.slice(2).replace(/[^0-9a-fA-F]/g,'');v={text:hexToText(h)+more,hex:h+more};
    if(op===8&&h.length>=4)v.text='code '+parseInt(h.slice(0,4),16)+(h.length>4?' "'+hexToText(h.slice(4))+'"':'')+more;}
  else v={text:disp+more,hex:textToHex(disp)+more};
  return v;
}
var LOOKS={'OK':['pass','Pass'],'NON-STRICT':['nonstrict','Non-Strict'],'INFORMATIONAL':['info','Informational'],
  'UNIMPLEMENTED':['unimpl','Unimplemented'],'NO_CLOSE':['noclose','No Close']};
function look(b){return LOOKS.hasOwnProperty(b)?LOOKS[b]:['fail','Fail'];}
function h3(p,t){return add(p,el('h3',null,t));}
function kvTable(p,pairs){var t=add(p,el('table','kv'));pairs.forEach(function(kv){var tr=add(t,el('tr'));add(tr,el('th',null,kv[0]));
  var v=kv[1];add(tr,el('td',null,v===null||v===undefined?'\u2014':(typeof v==='object'?JSON.stringify(v):v)));});return t;}
function events(p,list){
  var ul=add(p,el('ul','ev'));
  if(!Array.isArray(list)||!list.length){add(ul,el('li',null,'nothing'));return;}
  list.forEach(function(e){
    if(!Array.isArray(e))return;
    var li=add(ul,el('li'));
    if(e[0]==='timeout'){li.textContent='timeout '+str(e[1]);return;}
    add(li,document.createTextNode(str(e[0])+(e[0]==='message'?(e[2]?' (binary':' (text'):' (')+', '+str(e[3])+' B) '));
    add(li,el('code',null,str(e[1])));
  });
}
function wire(p,r){
  var rowsIn=Array.isArray(r.wl)?r.wl:[];
  if(!r.wlon)add(p,el('p',null,'The wire log was switched off for (part of) this case.'));
  if(!rowsIn.length){add(p,el('p',null,'No wire log rows.'));return;}
  var timed=rowsIn.some(function(x){return Array.isArray(x)&&typeof x[0]==='number'&&x[0]!==0;});
  var t=add(p,el('table','wire')),hr=add(add(t,el('thead')),el('tr'));
  ['#','ms','dir','what','opcode','FIN','RSV','mask','len','payload (text)','payload (hex)'].forEach(function(h){add(hr,el('th',null,h));});
  var tb=add(t,el('tbody')),n=0;
  rowsIn.forEach(function(row){
    if(!Array.isArray(row))return;
    var kind=str(row[1]),f=row.slice(2);
    if(kind==='SKIP'){var s=add(add(tb,el('tr','tm')),el('td',null,'\u2026 '+str(f[0])+' rows not shown \u2026'));s.colSpan=11;return;}
    n++;
    var c={dir:'',what:'',op:'',fin:'',rsv:'',mask:'',len:'',text:'',hex:''},cls='';
    if(kind==='TF'||kind==='RF'){
      var pl=Array.isArray(f[0])?f[0]:[0,''],tx=kind==='TF',v=views(pl[1],f[1]);
      cls=tx?'tx':'rx';c.dir=tx?'TX':'RX';c.what='frame'+(tx&&f[6]?' chop='+str(f[6]):'')+(tx&&f[7]?' sync':'');
      c.op=opName(f[1]);c.fin=f[2]?'1':'0';c.rsv=rsvBits(f[3]);
      c.mask=tx?(f[4]?str(f[4]):'\u2014'):(f[4]?(f[5]?str(f[5]):'yes'):'\u2014');
      c.len=str(pl[0])+(tx&&f[5]?' \u00d7 to '+str(f[5]):'');c.text=v.text;c.hex=v.hex;
    }else if(kind==='TO'||kind==='RO'){
      var o=Array.isArray(f[0])?f[0]:[0,''],hx=str(o[1]);cls=kind==='TO'?'tx':'rx';
      c.dir=kind==='TO'?'TX':'RX';c.what='octets'+(kind==='TO'&&f[1]?' sync':'');c.len=str(o[0]);
      c.hex=hx;c.text=hexToText(hx.replace(/ \.\.\.$/,''));
    }else{
      cls='tm';
      var W2={CT:'close the connection after '+str(f[0])+' s ('+str(f[1])+')',CTE:'close timer fired ('+str(f[0])+')',
        KL:'fail the connection after '+str(f[0])+' s',KLE:'kill timer fired',TI:'wait '+str(f[0])+' s',TIE:'wait over',
        WLM:'wire log '+(f[0]?'on':'off')};
      c.what=W2.hasOwnProperty(kind)?W2[kind]:(kind+' '+JSON.stringify(f).slice(0,200));
    }
    var tr=add(tb,el('tr',cls));
    [n,timed?fmtMs(row[0]):'',c.dir,c.what,c.op,c.fin,c.rsv,c.mask,c.len,c.text,c.hex].forEach(function(v,i){
      add(tr,el('td',i>=9?'pl':null,v));});
  });
  var end=add(add(tb,el('tr','tm')),el('td',null,r.dbm?'TCP dropped by the fuzzer':'TCP dropped by the peer'));end.colSpan=11;
}
function stats(p,s){
  if(!Array.isArray(s))return;
  var names=['octets received (chunk size \u2192 count)','octets sent','frames received (opcode \u2192 count)','frames sent'];
  var pairs=[];s.forEach(function(m,i){if(m&&typeof m==='object'){var parts=[];Object.keys(m).forEach(function(k){parts.push((i>=2?opName(+k):k)+': '+str(m[k]));});pairs.push([names[i],parts.join(', ')||'\u2014']);}});
  kvTable(p,pairs);
}
function renderCase(p,r,agent){
  var lk=look(r.b),b=add(p,el('div','banner '+lk[0]));
  add(b,el('div','bt',str(agent)+' \u2014 Case '+str(r.id)));
  add(b,el('div','bs',lk[1]+' \u00b7 close '+str(r.bc)+' \u00b7 '+fmtMs(r.dur)+(r.st?' @ '+str(r.st):'')));
  if(r.why&&typeof r.why==='object'){
    var w=r.why,ws=str(w.s),wb=add(p,el('div','why '+ws));
    var WHY={accepted:'Accepted by the baseline ('+str(w.acc)+'):',
      todo:'Accepted by the baseline ('+str(w.acc)+'), but not explained yet:',
      worse:'Regression: worse than the baseline accepts ('+str(w.acc)+'). The baseline\u2019s reason was:',
      unaccepted:'Unexplained: fails the pass policy and no baseline entry accepts it.',
      policy:'Passes the pass policy.'};
    add(wb,el('h3',null,'Why this verdict'));
    add(wb,el('p',null,WHY.hasOwnProperty(ws)?WHY[ws]:ws));
    if(w.reason!==undefined)add(wb,el('p',null,str(w.reason)));
    if(w.text!==undefined)add(wb,el('p',null,str(w.text)));
  }
  h3(p,'What it checks');
  add(p,el('p',null,str(r.d)||'(no description)'));
  if(r.x)add(p,el('p',null,'Expectation: '+str(r.x)));
  var rfc=str(r.rfc);
  if(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc[0-9]+#section-[0-9.]+$/.test(rfc)){
    var a=add(add(p,el('p',null,'Specification: ')),el('a',null,str(r.rfcl)));a.href=rfc;a.rel='noreferrer';a.target='_blank';}
  h3(p,'Outcome');
  add(p,el('p',null,str(r.r)));
  var cols=add(p,el('div','cols')),ex=add(cols,el('div')),ob=add(cols,el('div'));
  add(ex,el('h4',null,'Expected (any one of)'));
  if(Array.isArray(r.exp)&&r.exp.length){r.exp.forEach(function(x){if(!Array.isArray(x))return;var h=add(ex,el('h4',null,str(x[0])));
    if(x[0]===r.b)add(h,el('span','match',' \u2190 matched'));events(ex,x[1]);});}
  else add(ex,el('p',null,'The case decides by itself (no event list).'));
  add(ob,el('h4',null,'Observed'));events(ob,r.rcv);
  h3(p,'Closing handshake');
  add(p,el('p',null,str(r.bc)+(r.rc?' \u2014 '+str(r.rc):'')));
  if(r.ec&&typeof r.ec==='object'&&!Array.isArray(r.ec)){add(p,el('h4',null,'Expected close'));
    kvTable(p,Object.keys(r.ec).map(function(k){return [k,r.ec[k]];}));}
  add(p,el('h4',null,'What happened'));
  if(Array.isArray(r.cf))kvTable(p,r.cf.filter(Array.isArray));
  h3(p,'Opening handshake');
  if(r.hs!==undefined)add(p,el('p',null,'HTTP status: '+str(r.hs)));
  add(p,el('h4',null,'Request'));add(p,el('pre',null,str(r.req)||'(none recorded)'));
  add(p,el('h4',null,'Response'));add(p,el('pre',null,str(r.resp)||'(none recorded)'));
  if(r.note){h3(p,'Note');add(p,el('p',null,str(r.note)));}
  h3(p,'Re-run this case');
  var cr=add(p,el('div','cmdrow')),pre=add(cr,el('pre','cmd',str(r.cmd))),btn=add(cr,el('button',null,'Copy'));btn.type='button';
  btn.addEventListener('click',function(){
    try{navigator.clipboard.writeText(str(r.cmd)).then(function(){btn.textContent='Copied';},function(){select(pre);});}catch(e){select(pre);}
  });
  h3(p,'Wire log');wire(p,r);
  h3(p,'Traffic');stats(p,r.stats);
}
function select(n){try{var s=window.getSelection(),g=document.createRange();g.selectNodeContents(n);s.removeAllRanges();s.addRange(g);}catch(e){}}
var selected=null;
function show(a,id){
  var d=data(),m=d.res[a]||{},rec=Object.prototype.hasOwnProperty.call(m,id)?m[id]:null;
  body.textContent='';
  if(!rec)add(body,el('p',null,'No result for this case.'));
  else{try{renderCase(body,rec,d.agents[a]);}catch(e){W.errors.push('render '+id+': '+e);add(body,el('p','err','Could not render this case: '+e));}}
  pane.hidden=false;document.body.classList.add('with-detail');
  if(selected)selected.classList.remove('sel');
  selected=null;
  rows.forEach(function(tr){if(!selected&&tr.querySelector('a[href="#d='+a+'/'+encodeURIComponent(id).replace(/[!'()*]/g,function(c){return '%'+c.charCodeAt(0).toString(16).toUpperCase();})+'"]'))selected=tr;});
  if(selected)selected.classList.add('sel');
}
function hide(){pane.hidden=true;document.body.classList.remove('with-detail');if(selected)selected.classList.remove('sel');}
function route(){
  var m=/^#d=([0-9]+)\/(.+)$/.exec(location.hash),id=null;
  if(m){try{id=decodeURIComponent(m[2]);}catch(e){id=null;}}
  if(id!==null)show(+m[1],id);else hide();
}
document.getElementById('dclose').addEventListener('click',function(){if(/^#d=/.test(location.hash))location.hash='';else hide();});
document.addEventListener('keydown',function(e){if(e.key==='Escape')hide();});
window.addEventListener('hashchange',route);

/* ---- #selftest: what the headless-browser test reads back ---- */
function selftest(){
  var res={rows:rows.length};
  try{
    res.visibleAll=visible();
    var pick=null;
    each(document.querySelectorAll('.chip'),function(c){
      var n=+c.querySelector('b').textContent,f=c.getAttribute('data-f');
      if(f!=='all'&&n>0&&n<rows.length&&(!pick||f==='fail'))pick=c;
    });
    if(pick){pick.click();res.filter=pick.getAttribute('data-f');res.visibleFiltered=visible();
      res.filterChanged=res.visibleFiltered!==res.visibleAll;document.querySelector('.chip[data-f="all"]').click();}
    // Every chip: the rows left visible are exactly those of its category.
    res.chipsChecked=0;res.chipMismatch=[];
    each(document.querySelectorAll('.chip'),function(c){
      var f=c.getAttribute('data-f');if(f==='all')return;
      c.click();res.chipsChecked++;
      rows.forEach(function(tr){
        var has=(' '+tr.getAttribute('data-cats')+' ').indexOf(' '+f+' ')>=0,shownNow=!tr.hidden&&!tr.parentNode.hidden;
        if(has!==shownNow&&res.chipMismatch.length<5)res.chipMismatch.push(f+': '+tr.querySelector('td.id').textContent);
      });
    });
    document.querySelector('.chip[data-f="all"]').click();
    res.visibleAfterReset=visible();
    qBox.value='no such case \u2603';qBox.dispatchEvent(new Event('input'));res.visibleNoMatch=visible();
    qBox.value='';qBox.dispatchEvent(new Event('input'));
    if(secSel.options.length>1){secSel.selectedIndex=1;secSel.dispatchEvent(new Event('change'));res.visibleSection=visible();
      secSel.selectedIndex=0;secSel.dispatchEvent(new Event('change'));}
    var d=data(),opened=0;
    d.res.forEach(function(m,a){Object.keys(m).forEach(function(id){show(a,id);opened++;});});
    res.detailsRendered=opened;hide();
  }catch(e){W.errors.push('selftest: '+e);}
  res.errors=W.errors;res.alerts=W.alerts;
  res.images=document.images.length;res.scripts=document.scripts.length;
  res.foreign=document.querySelectorAll('iframe,object,embed,svg,math,form').length;
  res.ok=!W.errors.length&&!W.alerts&&!res.images&&res.scripts===3&&!res.foreign&&(!pick||res.filterChanged===true)&&!res.chipMismatch.length&&
    res.visibleAfterReset===res.visibleAll&&res.visibleNoMatch===0;
  var out=el('pre',null,JSON.stringify(res));out.id='selftest-result';document.body.appendChild(out);
}
apply();
if(location.hash==='#selftest')selftest();else route();
})();
)JS";

}  // namespace wsc::report::html::detail
