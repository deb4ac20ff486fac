export { pageTitle as adminTitle } from "~/i18n/meta";
