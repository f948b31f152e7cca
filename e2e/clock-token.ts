/** The token the browser tests' servers are started with, so that they may move the market's clock. */
export const E2E_CLOCK_TOKEN = 'e2e-clock-token-not-for-production-0000';
