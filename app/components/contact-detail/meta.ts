export { pageTitle } from "~/i18n/meta";
