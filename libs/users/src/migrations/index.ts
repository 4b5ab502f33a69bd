import { Users1764150000000 } from './1764150000000-users';
import { UsersAuthorCards1764400000000 } from './1764400000000-users-author-cards';
import { UsersUsernameReservations1764900000000 } from './1764900000000-users-username-reservations';

/** The users module's schema, in order; pass it to `CoreModule.forRoot(config, { migrations })`. */
export const usersMigrations = [
  Users1764150000000,
  UsersAuthorCards1764400000000,
  UsersUsernameReservations1764900000000,
];
