export { pageTitle } from "~/components/contact-detail/meta";
