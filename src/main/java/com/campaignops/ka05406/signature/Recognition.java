package com.campaignops.ka05406.signature;

import java.util.Optional;

/**
 * What the error text is.
 *
 * @param matchesSignature whether it is "empty return from method Logon of service xtk:session"
 * @param neighbour        the neighbouring Logon failure it is instead, if one is recognised
 */
public record Recognition(boolean matchesSignature, Optional<NeighbourError> neighbour) {
}
