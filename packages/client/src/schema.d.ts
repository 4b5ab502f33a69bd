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
         * @description Anyone gets the `status`; the per-dependency detail only with the operator token (`METRICS_TOKEN`) or, without one, outside production.
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
         * @description Creates an unverified account and emails a verification token. The answer is the same 202 whether or not the email is already registered (its owner is told by email instead), so this endpoint cannot be used to discover accounts. A taken username is a 409: usernames are public.
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
         * @description Needs the current password. Deletes the account and everything it owns (see docs/users.md).
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
        /** Follow a user (idempotent) */
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
        /** Comment on a published article, or reply to a top-level comment */
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
        /** Like an article (idempotent) */
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
        };
    };
    Articles_trending: {
        parameters: {
            query?: {
                /** @description Activity window in days */
                days?: number;
                limit?: number;
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
        };
    };
}
