import { __Name__Schema__timestamp__ } from './__timestamp__-__name__';

/** The __name__ module's schema, in order; the apps pass it to `CoreModule.forRoot(config, { migrations })`. */
export const __nameCamel__Migrations = [__Name__Schema__timestamp__];
