import { ReservationList } from './ReservationList';
import { ReservationShow } from './ReservationShow';

export const list = ReservationList;
export const show = ReservationShow;
