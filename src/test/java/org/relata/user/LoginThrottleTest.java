package org.relata.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Guards issue 17 finding 5 for the per-address rule, which the HTTP tests (all from 127.0.0.1) cannot use. */
class LoginThrottleTest {

    private static LoginThrottle throttle(int perAccount, int perAddress) {
        LoginThrottle throttle = new LoginThrottle();
        throttle.freePerAccount = perAccount;
        throttle.freePerAddress = perAddress;
        return throttle;
    }

    @Test
    void sprayingManyAccountsFromOneAddressBlocksThatAddress() {
        LoginThrottle throttle = throttle(5, 3);
        for (int i = 0; i < 4; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertTrue(throttle.secondsToWait("someone-else", "203.0.113.7") >= 1);
        assertEquals(0, throttle.secondsToWait("someone-else", "198.51.100.1"));
    }

    @Test
    void blocksGrowAndASuccessFreesTheAccount() {
        LoginThrottle throttle = throttle(2, 100);
        assertEquals(0, throttle.failed("ann", "a"));
        assertEquals(0, throttle.failed("ann", "a"));
        long first = throttle.failed("ANN", "b");
        long second = throttle.failed("ann", "c");
        assertTrue(first >= 1 && second > first, first + " then " + second);
        assertTrue(throttle.secondsToWait("ann", "d") >= 1, "the account is blocked from any address");
        throttle.succeeded("ann");
        assertEquals(0, throttle.secondsToWait("ann", "d"));
    }
}
