import { useNonce } from "~/components/nonce";

/** An unattended tablet returns to an empty form after this long without input. */
export const KIOSK_IDLE_SECONDS = 60;

/**
 * Seconds of inactivity before the kiosk clears itself: 60, or `?idle=N` (2–600) for a browser
 * test or a stand that wants it shorter. Harmless to expose: it only decides how soon this screen
 * forgets its visitor.
 */
export function idleSecondsOf(url: URL): number {
  const n = Number(url.searchParams.get("idle"));
  return Number.isInteger(n) && n >= 2 && n <= 600 ? n : KIOSK_IDLE_SECONDS;
}

/**
 * Installed once per page load and kept across client navigations (React never re-runs an inline
 * script): every input re-arms the timer; when it fires on the thanks page, or on a form holding
 * anything, the page is replaced by the empty form (a full load, so nothing typed survives in
 * memory or in the history). No-JS thanks pages use a meta refresh instead.
 */
const IDLE_SCRIPT = `(function(){
var root=document.querySelector("[data-kiosk-idle]");if(!root)return;
var ms=Number(root.getAttribute("data-kiosk-idle"))*1000||60000,timer;
function holdsData(){var k=document.querySelector("[data-kiosk-idle]");if(!k)return false;
if(k.querySelector(".kiosk-done[data-kiosk-thanks]")||k.querySelector("[role=alert]"))return true;
var f=k.querySelector("form");if(!f)return false;
return Array.prototype.some.call(f.elements,function(e){
if(e.type==="hidden"||e.type==="radio"||e.tabIndex===-1)return false;
if(e.type==="checkbox")return e.checked;
if(e.tagName==="SELECT")return e.selectedIndex>0;
return typeof e.value==="string"&&e.value!=="";});}
function fire(){var k=document.querySelector("[data-kiosk-idle]");if(!k)return;
if(holdsData())location.replace(k.getAttribute("data-kiosk-home"));else arm();}
function arm(){clearTimeout(timer);timer=setTimeout(fire,ms);}
["input","change","keydown","pointerdown","touchstart","wheel"].forEach(function(n){document.addEventListener(n,arm,{capture:true,passive:true});});
arm();})();`;

/** The idle timer's inline script (CSP nonce): see IDLE_SCRIPT. */
export function KioskIdleScript() {
  const nonce = useNonce();
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: IDLE_SCRIPT }} />;
}
