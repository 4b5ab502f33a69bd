import { Module } from '@nestjs/common';
import { GeoLookup } from './geo-lookup';

/**
 * The address → location lookup for other libs (notifications locates sign-ins with it). The
 * database loads on the first lookup only: call it where queue workers run, never on a request.
 */
@Module({ providers: [GeoLookup], exports: [GeoLookup] })
export class GeoLookupModule {}
