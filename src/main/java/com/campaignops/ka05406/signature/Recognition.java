package com.campaignops.ka05406.signature;

import java.util.Optional;

/**
 * What an error text is.
 *
 * @param kind      how far it is KA-05406's signature
 * @param neighbour the neighbouring Logon failure it names, if one is recognised
 */
public record Recognition(Kind kind, Optional<NeighbourError> neighbour) {

    public enum Kind {
        /** "Empty return for method 'Logon' of service 'xtk:session'", in a phrasing found in a real source. */
        SIGNATURE,
        /** All three pieces, but in a phrasing no real source shows: a Logon failure that cannot be promised. */
        UNVERIFIED_PHRASING,
        /**
         * A Logon failure whose detail is missing or cut ("Error while executing the method 'Logon' of service
         * 'xtk:session'" alone, "Empty return for method 'Log…"), or an unreachable server, which a restart causes too.
         */
        INCOMPLETE,
        /** A cause that does not depend on when the workflow runs: wrong password, expired session, lockout… */
        NEIGHBOUR,
        OTHER
    }

    public boolean matchesSignature() {
        return kind == Kind.SIGNATURE;
    }

    /** A Logon failure that may be KA-05406's but whose text cannot prove it. */
    public boolean couldBeSignature() {
        return kind == Kind.UNVERIFIED_PHRASING || kind == Kind.INCOMPLETE;
    }
}
