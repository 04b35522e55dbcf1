// The home page, loaded after sign-in.
export { Dashboard as list } from './Dashboard';
