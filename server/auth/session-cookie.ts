/** The cookie holding a staff session's token, read by HTTP requests and socket handshakes alike. */
export const SESSION_COOKIE = 'lc_session';
