// Generated from openapi.json by `npm run client:generate` (openapi-typescript). Do not edit.

export interface paths {
    "/api/v1/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Answers `pong` (the bare cost of the request pipeline) */
        get: operations["System_ping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (touches no dependency) */
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: database, Redis and queues answer (503 when one does not)
         * @description Anyone gets the `status`; the per-dependency detail only with the operator token (`METRICS_TOKEN`) or, without one, outside production. While the instance drains after SIGTERM: 503 with `{"status":"shutting_down"}`.
         */
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs per state of every queue (BullMQ in full mode, in-process in embedded mode) */
        get: operations["QueuesAdmin_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Email deliveries, most recently changed first (keyset pagination; filter by status)
         * @description `status=dead`: the emails that used up their attempts, to inspect and retry.
         */
        get: operations["QueuesAdmin_deliveriesPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead (or failed) email again, with a fresh set of attempts
         * @description The delivery goes back to `queued`; 409 when it is sent, queued or being sent.
         */
        post: operations["QueuesAdmin_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Creates an unverified account and emails a verification token. The answer is the same 202 whether or not the email is already registered (its owner is told by email instead), so this endpoint cannot be used to discover accounts. A taken username is a 409: usernames are public. The username is reserved for the 24 h verification window either way, and the account has no public profile until verified. Limited per client IP and in total per hour (429 with Retry-After).
         */
        post: operations["Auth_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an email address with the emailed token (single use, 24 h) */
        post: operations["Auth_verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new verification email to the caller (3 per hour) */
        post: operations["Auth_resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with email (or username) and password
         * @description Opens a session. After 5 failed attempts for one account from one IP within 15 minutes (or 50 from one IP), further attempts get 429 with Retry-After; the cool-off doubles with each lockout in a day. Success resets it.
         */
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Every refresh rotates the refresh token. Presenting an already-rotated token revokes the whole session (theft detection) and answers 401.
         */
        post: operations["Auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of this refresh token (idempotent) */
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the caller, this one included */
        post: operations["Auth_logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset email
         * @description Always the same 202, whether or not the address has an account; only a known address gets an email.
         */
        post: operations["Auth_forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed token (single use, 1 h); signs out every session */
        post: operations["Auth_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s own account */
        get: operations["Users_me"];
        put?: never;
        post?: never;
        /**
         * Delete the caller’s account
         * @description Needs the current password; wrong passwords count towards the login lockout of the account (429 while locked). Deletes the account and everything it owns (see docs/users.md).
         */
        delete: operations["Users_deleteMe"];
        options?: never;
        head?: never;
        /** Update the caller’s profile (display name, bio, avatar URL only) */
        patch: operations["Users_updateMe"];
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the caller’s password; every other session is signed out */
        post: operations["Users_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s active sessions (devices), most recently used first */
        get: operations["Users_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of the caller’s sessions (its tokens stop at their next request) */
        delete: operations["Users_endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public profile with follower, following and published-article counts */
        get: operations["Users_profile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow a user (idempotent)
         * @description Needs a verified email (403 `email-not-verified` otherwise).
         */
        post: operations["Users_follow"];
        /** Unfollow a user (idempotent) */
        delete: operations["Users_unfollow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who follows this user, newest first (keyset pagination) */
        get: operations["Users_followers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom this user follows, newest first (keyset pagination) */
        get: operations["Users_following"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, newest first (keyset pagination; filter by role, status, prefix) */
        get: operations["AdminUsers_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user’s role or suspend/unsuspend them
         * @description Admins only for roles. Moderators may suspend plain users. Suspension ends every session at once.
         */
        patch: operations["AdminUsers_update"];
        trace?: never;
    };
    "/api/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List published articles
         * @description Newest first by default; `q` searches title and body (ranked); `sort=top` ranks by likes in a window. Keyset pagination: pass `nextCursor` back as `cursor`. Cached (view level) and invalidated on change.
         */
        get: operations["Articles_list"];
        put?: never;
        /** Create an article (a draft; the caller is the author) */
        post: operations["Articles_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an article by slug (drafts: author and moderators only) */
        get: operations["Articles_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an article with its comments and likes (author or moderator) */
        delete: operations["Articles_remove"];
        options?: never;
        head?: never;
        /** Update an article (any subset of the fields; author or moderator) */
        patch: operations["Articles_update"];
        trace?: never;
    };
    "/api/v1/articles/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an article (verified email required; idempotent) */
        post: operations["Articles_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unpublish (archive) an article; idempotent */
        post: operations["Articles_unpublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published articles by the authors the caller follows, newest first */
        get: operations["Articles_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Articles with the most likes and comments in the last days */
        get: operations["Articles_trending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments of an article: top-level comments oldest first, each with its replies */
        get: operations["Comments_list"];
        put?: never;
        /**
         * Comment on a published article, or reply to a top-level comment
         * @description Needs a verified email (403 `email-not-verified` otherwise).
         */
        post: operations["Comments_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment and its replies (its author, the article author or a moderator) */
        delete: operations["Comments_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/reactions/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Like an article (idempotent)
         * @description Needs a verified email (403 `email-not-verified` otherwise).
         */
        put: operations["Reactions_like"];
        post?: never;
        /** Remove the like (idempotent) */
        delete: operations["Reactions_unlike"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags of published articles, most used first (tag pages: GET /articles?tag=) */
        get: operations["Tags_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cache hits, misses and hit ratio per namespace (this process), and Redis keyspace figures */
        get: operations["CacheMetrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first (keyset pages) */
        get: operations["Notifications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of your notifications are unread (cached) */
        get: operations["Notifications_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live notifications (Server-Sent Events)
         * @description Events: `notification` (id = its `seq`, data = a notification) and `unread-count` (`{"count":n}`), plus `: heartbeat` comments. Reconnect with `Last-Event-ID` to get what was missed. Needs `Accept: text/event-stream`; a bounded number of streams per user.
         */
        get: operations["Notifications_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notification preferences per type and channel, and digest */
        get: operations["Notifications_getPreferences"];
        /**
         * Change preferences (listed switches only) and the digest frequency
         * @description Account security notices cannot be turned off: such a change is a 400.
         */
        put: operations["Notifications_putPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: operations["Notifications_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One-click unsubscribe from an email (RFC 8058), with the signed link; no login
         * @description Mail clients POST `List-Unsubscribe=One-Click` as a form; a JSON body or none works too.
         */
        post: operations["Notifications_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications read */
        post: operations["Notifications_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of your notifications */
        delete: operations["Notifications_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Traffic overview of a window: requests, unique addresses, refusals, errors, top countries, paths and addresses */
        get: operations["Analytics_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/analytics/geo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests and addresses per country or per city in a window */
        get: operations["Analytics_geo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/analytics/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests, errors and refusals per minute, hour or day in a window */
        get: operations["Analytics_timeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/suspicious-ips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anomaly findings, most recently seen first */
        get: operations["Analytics_suspicious"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/ips/{ip}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything known about one address: location, 30-day usage, findings, newest requests */
        get: operations["Analytics_ip"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List active blocks, newest first (keyset pagination)
         * @description Active: not unblocked and not expired. Manual and automatic blocks alike.
         */
        get: operations["Blocks_list"];
        put?: never;
        /**
         * Block an address or CIDR block
         * @description Every api instance refuses it (403) within about a second. Refused with a 400 naming the field: an invalid address or CIDR, a /0, an expiry in the past, and — unless `force` — a block covering the allowlist (ALLOWLIST_CIDRS) or the calling admin’s own address. Emits `security.ip.blocked`.
         */
        post: operations["Blocks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/blocks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unblock (revoke an active block)
         * @description Emits `security.ip.unblocked`.
         */
        delete: operations["Blocks_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PingResponse: {
            /** @example pong */
            message: string;
        };
        FieldErrorDto: {
            /** @example email */
            field: string;
            /**
             * @example [
             *       "email must be an email"
             *     ]
             */
            messages: string[];
        };
        ProblemDto: {
            /** @example https://nexus.dev/problems/validation */
            type: string;
            /** @example Validation Failed */
            title: string;
            /** @example 400 */
            status: number;
            /** @example One or more fields are invalid. */
            detail?: string;
            /** @example /api/v1/articles */
            instance?: string;
            /** @example 3f2b6c1e-8d0a-4d8f-9d55-3f3b8f7d2e11 */
            requestId?: string;
            errors?: components["schemas"]["FieldErrorDto"][];
        };
        QueueCountsDto: {
            /** @example 0 */
            waiting: number;
            /** @example 0 */
            active: number;
            /** @example 0 */
            delayed: number;
            /** @example 12 */
            completed: number;
            /** @example 1 */
            failed: number;
        };
        QueueStateDto: {
            /** @example email */
            name: string;
            /**
             * @example in-process
             * @enum {string}
             */
            backend: "bullmq" | "in-process";
            counts: components["schemas"]["QueueCountsDto"];
            /**
             * @description Seconds the oldest waiting job has waited; null when none waits
             * @example 0
             */
            oldestWaitingSeconds: number | null;
        };
        QueueListDto: {
            queues: components["schemas"]["QueueStateDto"][];
        };
        EmailDeliveryDto: {
            /**
             * Format: uuid
             * @example 0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f
             */
            id: string;
            /** @example ada@example.com */
            to: string;
            /** @example verify-email */
            template: string;
            /** @example Confirm your email address */
            subject: string;
            /**
             * @example dead
             * @enum {string}
             */
            status: "queued" | "sending" | "sent" | "failed" | "dead";
            /** @example 5 */
            attempts: number;
            /** @example connect ECONNREFUSED 127.0.0.1:25 */
            lastError: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        EmailDeliveryPageDto: {
            items: components["schemas"]["EmailDeliveryDto"][];
            /** @description Cursor of the next page */
            nextCursor: string | null;
        };
        RegisterDto: {
            /** @example ada@example.com */
            email: string;
            /**
             * @description Lower-cased on input
             * @example ada_l
             */
            username: string;
            /** @example correct horse battery staple */
            password: string;
            /** @example Ada Lovelace */
            displayName: string;
        };
        AcceptedDto: {
            /** @example If the details are valid, we have sent an email with the next step. */
            message: string;
        };
        VerifyEmailDto: {
            /**
             * @description The token from the verification email
             * @example q9A2...base64url
             */
            token: string;
        };
        LoginDto: {
            /**
             * @description Email (or username). One of email/username is required.
             * @example ada@example.com
             */
            email?: string;
            /**
             * @description Username, instead of email
             * @example ada_l
             */
            username?: string;
            /** @example correct horse battery staple */
            password: string;
        };
        TokenPairDto: {
            /** @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9... */
            accessToken: string;
            /**
             * @description Opaque; single use — each refresh returns a new one
             * @example hZ3kq...base64url
             */
            refreshToken: string;
            /**
             * @description Access token lifetime in seconds
             * @example 900
             */
            expiresIn: number;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
        };
        RefreshDto: {
            /**
             * @description The refresh token from login or the last refresh
             * @example hZ3k...base64url
             */
            refreshToken: string;
        };
        ForgotPasswordDto: {
            /** @example ada@example.com */
            email: string;
        };
        ResetPasswordDto: {
            /**
             * @description The token from the reset email
             * @example Xk1f...base64url
             */
            token: string;
            /** @example a new long passphrase */
            newPassword: string;
        };
        MeDto: {
            /** @example 0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f */
            id: string;
            /** @example ada@example.com */
            email: string;
            /** @example ada_l */
            username: string;
            /** @example Ada Lovelace */
            displayName: string;
            /** @example Writes about analytical engines. */
            bio: string | null;
            /** @example null */
            avatarUrl: string | null;
            /**
             * @example user
             * @enum {string}
             */
            role: "user" | "moderator" | "admin";
            /** @example true */
            emailVerified: boolean;
            /** @example 12 */
            followerCount: number;
            /** @example 3 */
            followingCount: number;
            /** @example 5 */
            publishedArticleCount: number;
            /** @example 2026-01-01T12:00:00.000Z */
            createdAt: string;
        };
        UpdateProfileDto: {
            /** @example Ada Lovelace */
            displayName?: string;
            /** @example Writes about analytical engines. */
            bio?: string | null;
            /** @example https://cdn.example.com/ada.png */
            avatarUrl?: string | null;
        };
        DeleteAccountDto: {
            /**
             * @description Confirms the deletion
             * @example my current passphrase
             */
            password: string;
        };
        ChangePasswordDto: {
            /** @example my current passphrase */
            currentPassword: string;
            /** @example a brand new passphrase */
            newPassword: string;
        };
        SessionDto: {
            /** @example 7c1d2e3f-8c1a-4c61-9a1e-3f1b2c3d4e5f */
            id: string;
            /** @example 203.0.113.7 */
            ip: string | null;
            /** @example Mozilla/5.0 ... */
            userAgent: string | null;
            /** @example 2026-01-01T12:00:00.000Z */
            createdAt: string;
            /**
             * @description Last refresh
             * @example 2026-01-02T08:30:00.000Z
             */
            lastUsedAt: string;
            /**
             * @description The session of the token making this request
             * @example true
             */
            current: boolean;
        };
        ProfileDto: {
            /** @example 0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f */
            id: string;
            /** @example ada_l */
            username: string;
            /** @example Ada Lovelace */
            displayName: string;
            /** @example Writes about analytical engines. */
            bio: string | null;
            /** @example null */
            avatarUrl: string | null;
            /** @example 12 */
            followerCount: number;
            /** @example 3 */
            followingCount: number;
            /** @example 5 */
            publishedArticleCount: number;
            /** @example 2026-01-01T12:00:00.000Z */
            createdAt: string;
            /**
             * @description Only for authenticated callers
             * @example false
             */
            followedByMe?: boolean;
        };
        FollowStateDto: {
            /** @example true */
            following: boolean;
        };
        FollowListItemDto: {
            /** @example 0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f */
            id: string;
            /** @example ada_l */
            username: string;
            /** @example Ada Lovelace */
            displayName: string;
            /** @example null */
            avatarUrl: string | null;
            /** @example 2026-01-01T12:00:00.000000Z */
            followedAt: string;
        };
        FollowPageDto: {
            items: components["schemas"]["FollowListItemDto"][];
            /** @example MjAyNi0wMS0wMVQxMjowMDowMC4wMDAwMDBafDBiN2Y... */
            nextCursor: string | null;
        };
        AdminUserDto: {
            /** @example 0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f */
            id: string;
            /** @example ada@example.com */
            email: string;
            /** @example ada_l */
            username: string;
            /** @example Ada Lovelace */
            displayName: string;
            /**
             * @example user
             * @enum {string}
             */
            role: "user" | "moderator" | "admin";
            /** @example true */
            emailVerified: boolean;
            /** @example false */
            suspended: boolean;
            /** @example null */
            suspendedReason: string | null;
            /** @example 2026-01-01T12:00:00.000000Z */
            createdAt: string;
        };
        AdminUserPageDto: {
            items: components["schemas"]["AdminUserDto"][];
            nextCursor: string | null;
        };
        AdminUpdateUserDto: {
            /**
             * @description Admins only
             * @example moderator
             * @enum {string}
             */
            role?: "user" | "moderator" | "admin";
            /**
             * @description Suspending signs every session out at once
             * @example true
             */
            suspended?: boolean;
            /** @example Spam */
            reason?: string;
        };
        CreateArticleDto: {
            /** @example Caching done right in NestJS */
            title: string;
            /**
             * @description Markdown
             * @example # Why
             *
             *     Because readers must never see stale data.
             */
            body: string;
            /**
             * @description Plain-text summary; derived from the body when absent (or null on update)
             * @example Versioned keys, event-driven invalidation and a proof that cached reads skip the database.
             */
            excerpt?: string | null;
            /** @example https://images.example.com/cover.jpg */
            coverUrl?: string | null;
            /**
             * @description Up to 10 tags; normalised to lower-case `a-z0-9-` and created on first use
             * @example [
             *       "nestjs",
             *       "caching"
             *     ]
             */
            tags?: string[];
        };
        AuthorCardDto: {
            /** @example 0b8a7c52-3f4e-4c1a-9a57-2d8f0e6b9c11 */
            id: string;
            /** @example ada */
            username: string;
            /** @example Ada Lovelace */
            displayName: string;
            /** @example null */
            avatarUrl: string | null;
        };
        ArticleDto: {
            /** @example 6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c */
            id: string;
            /** @example caching-done-right-in-nestjs */
            slug: string;
            /** @example Caching done right in NestJS */
            title: string;
            /**
             * @description Markdown
             * @example # Why
             *
             *     Because readers must never see stale data.
             */
            body: string;
            /** @example Because readers must never see stale data. */
            excerpt: string;
            /** @example https://images.example.com/cover.jpg */
            coverUrl: string | null;
            /**
             * @example published
             * @enum {string}
             */
            status: "draft" | "published" | "archived";
            /**
             * @example [
             *       "caching",
             *       "nestjs"
             *     ]
             */
            tags: string[];
            /** @example 4 */
            readingTimeMinutes: number;
            /** @example 12 */
            likesCount: number;
            /**
             * @description Comments and replies
             * @example 3
             */
            commentsCount: number;
            /** @example 2026-11-20T08:15:00.000Z */
            publishedAt: string | null;
            /** @example 2026-11-19T17:02:11.412Z */
            createdAt: string;
            /** @example 2026-11-20T08:15:00.000Z */
            updatedAt: string;
            author: components["schemas"]["AuthorCardDto"];
        };
        ArticleSummaryDto: {
            /** @example 6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c */
            id: string;
            /** @example caching-done-right-in-nestjs */
            slug: string;
            /** @example Caching done right in NestJS */
            title: string;
            /** @example Because readers must never see stale data. */
            excerpt: string;
            /** @example https://images.example.com/cover.jpg */
            coverUrl: string | null;
            /**
             * @example [
             *       "caching",
             *       "nestjs"
             *     ]
             */
            tags: string[];
            /** @example 4 */
            readingTimeMinutes: number;
            /** @example 12 */
            likesCount: number;
            /**
             * @description Comments and replies
             * @example 3
             */
            commentsCount: number;
            author: components["schemas"]["AuthorCardDto"];
            /**
             * @description Always set: only published articles are listed
             * @example 2026-11-20T08:15:00.000Z
             */
            publishedAt: string;
            /**
             * @description Search rank (q= ordered by relevance)
             * @example 0.0759
             */
            rank?: number;
            /**
             * @description Likes in the window (sort=top) or trending score
             * @example 7
             */
            score?: number;
        };
        ArticlePageDto: {
            items: components["schemas"]["ArticleSummaryDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        UpdateArticleDto: {
            /**
             * @description Plain-text summary; derived from the body when absent (or null on update)
             * @example Versioned keys, event-driven invalidation and a proof that cached reads skip the database.
             */
            excerpt?: string | null;
            /** @example https://images.example.com/cover.jpg */
            coverUrl?: string | null;
            /** @example Caching done right in NestJS (2nd edition) */
            title?: string;
            /**
             * @description Markdown
             * @example # Why
             *
             *     Updated.
             */
            body?: string;
            /**
             * @description Replaces all tags
             * @example [
             *       "nestjs"
             *     ]
             */
            tags?: string[];
        };
        TrendingDto: {
            /** @example 7 */
            days: number;
            /** @description Ordered by likes + 2 × comments in the window */
            items: components["schemas"]["ArticleSummaryDto"][];
        };
        CommentDto: {
            /** @example 9a0e3c1d-7f0b-4a2c-8f1c-2f9e2a474a3b */
            id: string;
            /** @example 6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c */
            articleId: string;
            /** @example null */
            parentId: string | null;
            /** @example Great write-up, thanks! */
            body: string;
            /** @example 2026-11-20T09:00:00.000Z */
            createdAt: string;
            author: components["schemas"]["AuthorCardDto"];
            /** @description Top-level comments: the first 50 replies */
            replies?: components["schemas"]["CommentDto"][];
            /**
             * @description Top-level comments: number of replies
             * @example 2
             */
            replyCount?: number;
        };
        CommentPageDto: {
            items: components["schemas"]["CommentDto"][];
            nextCursor: string | null;
        };
        CreateCommentDto: {
            /** @example Great write-up, thanks! */
            body: string;
            /**
             * @description Reply to this top-level comment of the same article (one level of replies)
             * @example 6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c
             */
            parentId?: string;
        };
        ReactionStateDto: {
            /** @example 6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c */
            articleId: string;
            /** @example true */
            liked: boolean;
            /** @example 13 */
            likesCount: number;
        };
        TagDto: {
            /** @example nestjs */
            name: string;
            /**
             * @description Published articles with this tag
             * @example 42
             */
            articleCount: number;
        };
        NamespaceStatsDto: {
            /** @example 120 */
            hits: number;
            /** @example 30 */
            misses: number;
            /**
             * @description hits / (hits + misses); 0 without traffic
             * @example 0.8
             */
            hitRatio: number;
        };
        RedisKeyspaceDto: {
            /** @example 5120 */
            keyspaceHits: number;
            /** @example 640 */
            keyspaceMisses: number;
            /** @example 0.888 */
            hitRatio: number;
        };
        CacheMetricsDto: {
            /**
             * @example {
             *       "content:view": {
             *         "hits": 120,
             *         "misses": 30,
             *         "hitRatio": 0.8
             *       }
             *     }
             */
            namespaces: {
                [key: string]: components["schemas"]["NamespaceStatsDto"];
            };
            /** @description Full mode only (Redis INFO stats) */
            redis?: components["schemas"]["RedisKeyspaceDto"] | null;
        };
        NotificationDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description Position in the stream (the SSE event id)
             * @example 42
             */
            seq: number;
            /** @enum {string} */
            type: "follower.new" | "comment.on_article" | "comment.reply" | "reaction.milestone" | "article.published" | "security.new_country" | "security.password_changed" | "security.sessions_revoked" | "admin.ip_blocked" | "admin.ip_flagged";
            /** Format: uuid */
            actorId: string | null;
            /** @example article */
            subjectType: string | null;
            subjectId: string | null;
            /**
             * @example {
             *       "actorName": "Ada",
             *       "articleTitle": "Hello",
             *       "path": "/api/v1/articles/hello"
             *     }
             */
            data: {
                [key: string]: unknown;
            };
            read: boolean;
            readAt: string | null;
            /** @example 2026-12-01T10:00:00.000000Z */
            createdAt: string;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            nextCursor: string | null;
        };
        UnreadCountDto: {
            /** @example 3 */
            count: number;
        };
        ChannelSwitchesDto: {
            in_app: boolean;
            email: boolean;
            digest: boolean;
        };
        TypePreferencesDto: {
            /** @enum {string} */
            type: "follower.new" | "comment.on_article" | "comment.reply" | "reaction.milestone" | "article.published" | "security.new_country" | "security.password_changed" | "security.sessions_revoked" | "admin.ip_blocked" | "admin.ip_flagged";
            channels: components["schemas"]["ChannelSwitchesDto"];
            /** @description Channels that cannot be changed */
            locked: ("in_app" | "email" | "digest")[];
        };
        PreferencesDto: {
            /** @enum {string} */
            digest: "off" | "daily" | "weekly";
            types: components["schemas"]["TypePreferencesDto"][];
        };
        PreferenceChangeDto: {
            /** @enum {string} */
            type: "follower.new" | "comment.on_article" | "comment.reply" | "reaction.milestone" | "article.published" | "security.new_country" | "security.password_changed" | "security.sessions_revoked" | "admin.ip_blocked" | "admin.ip_flagged";
            /** @enum {string} */
            channel: "in_app" | "email" | "digest";
            enabled: boolean;
        };
        UpdatePreferencesDto: {
            /** @enum {string} */
            digest?: "off" | "daily" | "weekly";
            preferences?: components["schemas"]["PreferenceChangeDto"][];
        };
        ReadAllDto: {
            /**
             * @description How many were unread
             * @example 3
             */
            marked: number;
        };
        UnsubscribeBodyDto: {
            /**
             * @description RFC 8058 one-click body
             * @example One-Click
             */
            "List-Unsubscribe"?: string;
        };
        UnsubscribedDto: {
            /**
             * @description A notification type, or `digest`
             * @example follower.new
             */
            unsubscribed: string;
        };
        CountDto: {
            /** @example /api/v1/articles */
            key: string;
            requests: number;
        };
        TopIpDto: {
            /** @example 203.0.113.7 */
            ip: string;
            /**
             * @description ISO country code or `unknown`
             * @example FR
             */
            country: string;
            requests: number;
        };
        OverviewDto: {
            from: string;
            to: string;
            requests: number;
            uniqueIps: number;
            /** @description Refused by the blacklist */
            blocked: number;
            /** @description Refused by a rate limit (429) */
            limited: number;
            /** @description 4xx answers */
            clientErrors: number;
            /** @description 5xx answers */
            serverErrors: number;
            /** @description Countries (ISO code or `unknown`) */
            topCountries: components["schemas"]["CountDto"][];
            /** @description Route templates (paths for unmatched requests) */
            topPaths: components["schemas"]["CountDto"][];
            topIps: components["schemas"]["TopIpDto"][];
        };
        GeoRowDto: {
            /** @example FR */
            country: string;
            /** @example Paris */
            city: string | null;
            lat: number | null;
            lon: number | null;
            requests: number;
            uniqueIps: number;
        };
        GeoDto: {
            from: string;
            to: string;
            /** @enum {string} */
            granularity: "country" | "city";
            rows: components["schemas"]["GeoRowDto"][];
            /** @description Attribution required by the GeoLite2 licence of the location data */
            attribution: string;
        };
        BucketDto: {
            /** @description Start of the bucket */
            t: string;
            requests: number;
            clientErrors: number;
            serverErrors: number;
            blocked: number;
            limited: number;
        };
        TimeseriesDto: {
            from: string;
            to: string;
            /** @enum {string} */
            bucket: "minute" | "hour" | "day";
            points: components["schemas"]["BucketDto"][];
        };
        SuspiciousIpDto: {
            ip: string;
            /** @example probing */
            rule: string;
            reason: string;
            score: number;
            /** @description What the rule measured at its latest detection */
            hits: number;
            firstSeen: string;
            lastSeen: string;
        };
        SuspiciousListDto: {
            items: components["schemas"]["SuspiciousIpDto"][];
        };
        IpGeoDto: {
            country: string | null;
            region: string | null;
            city: string | null;
            lat: number | null;
            lon: number | null;
            accuracyKm: number | null;
        };
        IpTotalsDto: {
            requests: number;
            blocked: number;
            limited: number;
            clientErrors: number;
            serverErrors: number;
        };
        IpRequestDto: {
            at: string;
            method: string;
            route: string;
            path: string;
            status: number;
            latencyMs: number;
            userId: string | null;
            userAgent: string | null;
            requestId: string | null;
            outcome: string | null;
        };
        IpDetailDto: {
            ip: string;
            /** @description null until located */
            geo: components["schemas"]["IpGeoDto"] | null;
            /** @description The last 30 days, from the rollups */
            last30Days: components["schemas"]["IpTotalsDto"];
            topPaths: components["schemas"]["CountDto"][];
            findings: components["schemas"]["SuspiciousIpDto"][];
            /** @description The newest 50 requests of the raw log */
            recentRequests: components["schemas"]["IpRequestDto"][];
        };
        BlockDto: {
            /** Format: uuid */
            id: string;
            /** @example 203.0.113.0/24 */
            cidr: string;
            /** @example Credential stuffing from this range */
            reason: string;
            /** @enum {string} */
            source: "manual" | "auto";
            /** @description Admin user id, `cli:<name>` for the command line, null for automatic blocks */
            createdBy: string | null;
            /** @example 2026-12-01T10:00:00.000000Z */
            createdAt: string;
            /** @example 2026-12-01T11:00:00.000000Z */
            expiresAt: string | null;
            revokedAt: string | null;
        };
        BlockPageDto: {
            items: components["schemas"]["BlockDto"][];
            nextCursor: string | null;
        };
        CreateBlockDto: {
            /**
             * @description An IPv4 or IPv6 address (a /32 or /128 block) or a CIDR block. Not /0; no host bits below the prefix.
             * @example 203.0.113.0/24
             */
            cidr: string;
            /** @example Credential stuffing from this range */
            reason: string;
            /**
             * @description ISO 8601, in the future (at most 10 years); absent or null: until unblocked
             * @example 2026-12-31T00:00:00Z
             */
            expiresAt?: string | null;
            /**
             * @description Block even if the range covers the allowlist or your own address
             * @example false
             */
            force?: boolean;
        };
    };
    responses: never;
    parameters: {
        /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
        PageCursor: string;
        /** @description Page size; above 100 is a 400, never a silent clamp. */
        PageLimit: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    System_ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingResponse"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    QueuesAdmin_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueListDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    QueuesAdmin_deliveriesPage: {
        parameters: {
            query?: {
                /** @description Only deliveries in this status */
                status?: "queued" | "sending" | "sent" | "failed" | "dead";
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailDeliveryPageDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    QueuesAdmin_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for delivery again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailDeliveryDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        emailVerified: true;
                    };
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description Session ended (or was already unknown) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_forgotPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Auth_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            /** @description Password changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_deleteMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAccountDto"];
            };
        };
        responses: {
            /** @description Account deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Password changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Session ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_profile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A username */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_follow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A username */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowStateDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed but not allowed in this state */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unprocessable-entity",
                     *       "title": "Unprocessable Entity",
                     *       "status": 422
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_unfollow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A username */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowStateDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_followers: {
        parameters: {
            query?: {
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: never;
            path: {
                /** @description A username */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowPageDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Users_following: {
        parameters: {
            query?: {
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: never;
            path: {
                /** @description A username */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowPageDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AdminUsers_list: {
        parameters: {
            query?: {
                role?: "user" | "moderator" | "admin";
                status?: "active" | "suspended";
                /** @description Prefix of the username or email, e.g. `ada` */
                q?: string;
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserPageDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AdminUsers_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminUpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_list: {
        parameters: {
            query?: {
                /** @description Tag name (normalised like tags on articles), e.g. `caching` */
                tag?: string;
                /** @description Author's username, e.g. `ada` */
                author?: string;
                /** @description Full-text search over title (weight A) and body (weight B), web-search syntax: `"exact phrase" -not or`, e.g. `cache invalidation` */
                q?: string;
                /** @description Published at or after: a date or date-time (ISO 8601), e.g. `2026-01-01` */
                from?: string;
                /** @description Published before: a date or date-time (ISO 8601), e.g. `2026-12-31T00:00:00Z` */
                to?: string;
                /** @description `recent` (default without q): newest first. `top`: articles liked within the window, most likes first. `relevance` (default with q, requires q): search rank. */
                sort?: "recent" | "top" | "relevance";
                /** @description Window of `sort=top` in days */
                window?: number;
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: {
                /** @description ETag of a previous answer */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticlePageDto"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateArticleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a previous answer */
                "If-None-Match"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleDto"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id (`id` of the article in a listing or after creation) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id (`id` of the article in a listing or after creation) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateArticleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id (`id` of the article in a listing or after creation) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_unpublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id (`id` of the article in a listing or after creation) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_feed: {
        parameters: {
            query?: {
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: {
                /** @description ETag of a previous answer */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticlePageDto"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Articles_trending: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Activity window in days */
                days?: number;
            };
            header?: {
                /** @description ETag of a previous answer */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrendingDto"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Comments_list: {
        parameters: {
            query?: {
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: never;
            path: {
                /** @description Article id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPageDto"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Comments_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Comments_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Comment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Reactions_like: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionStateDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Reactions_unlike: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Article id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionStateDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Tags_list: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagDto"][];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CacheMetrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheMetricsDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_list: {
        parameters: {
            query?: {
                /** @description Only unread notifications */
                unread?: "true" | "false";
                type?: "follower.new" | "comment.on_article" | "comment.reply" | "reaction.milestone" | "article.published" | "security.new_country" | "security.password_changed" | "security.sessions_revoked" | "admin.ip_blocked" | "admin.ip_flagged";
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-acceptable",
                     *       "title": "Not Acceptable",
                     *       "status": 406
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_getPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_putPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_unsubscribe: {
        parameters: {
            query: {
                /** @description The signed token of the email link */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["UnsubscribeBodyDto"];
                "application/json": components["schemas"]["UnsubscribeBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsubscribedDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Notifications_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Analytics_overview: {
        parameters: {
            query?: {
                /** @description Start of the window (ISO 8601, inclusive, e.g. `2026-12-01T00:00:00Z`); default `to` minus 24 hours */
                from?: string;
                /** @description End of the window (ISO 8601, exclusive, e.g. `2026-12-02T00:00:00Z`); default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Analytics_geo: {
        parameters: {
            query?: {
                /** @description Start of the window (ISO 8601, inclusive, e.g. `2026-12-01T00:00:00Z`); default `to` minus 24 hours */
                from?: string;
                /** @description End of the window (ISO 8601, exclusive, e.g. `2026-12-02T00:00:00Z`); default now */
                to?: string;
                granularity?: "country" | "city";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeoDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Analytics_timeseries: {
        parameters: {
            query?: {
                /** @description Start of the window (ISO 8601, inclusive, e.g. `2026-12-01T00:00:00Z`); default `to` minus 24 hours */
                from?: string;
                /** @description End of the window (ISO 8601, exclusive, e.g. `2026-12-02T00:00:00Z`); default now */
                to?: string;
                /** @description Bucket width; `minute` covers at most 2 days, `hour` 90 days, `day` 400 days */
                bucket?: "minute" | "hour" | "day";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeseriesDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Analytics_suspicious: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only findings seen at or after (ISO 8601) */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuspiciousListDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Analytics_ip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An IPv4 or IPv6 address */
                ip: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpDetailDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Blocks_list: {
        parameters: {
            query?: {
                /** @description Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. Absent: the first page. A cursor of another listing, or altered, is a 400. */
                cursor?: components["parameters"]["PageCursor"];
                /** @description Page size; above 100 is a 400, never a silent clamp. */
                limit?: components["parameters"]["PageLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockPageDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Blocks_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBlockDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockDto"];
                };
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    Blocks_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unblocked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors[]` lists each field (or an invalid cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/validation",
                     *       "title": "Validation Failed",
                     *       "status": 400,
                     *       "detail": "One or more fields are invalid.",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "messages": [
                     *             "email must be an email"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "The access token is invalid or expired."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/not-found",
                     *       "title": "Not Found",
                     *       "status": 404
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/too-many-requests",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "Try again in 60 seconds."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable; see `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://nexus.dev/problems/service-unavailable",
                     *       "title": "Service Unavailable",
                     *       "status": 503
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
