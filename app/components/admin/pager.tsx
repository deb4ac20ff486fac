// One pager for every list: the kit's (app/components/ui/pager.tsx).
export { KeysetPager } from "~/components/ui";
