/** The review screen loads only when opened: `const ReviewScreen = lazy(loadReviewScreen)`. */
export const loadReviewScreen = () => import('./ReviewScreen.tsx');
