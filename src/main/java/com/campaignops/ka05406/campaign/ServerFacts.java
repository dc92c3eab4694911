package com.campaignops.ka05406.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the Logon's {@code sessionInfo} says.
 *
 * @param serverDate   the server's clock at logon, or {@code null}
 * @param operatorZone the operator's time zone ({@code userInfo/@timezone}), or {@code null}
 * @param instanceName {@code serverInfo/@instanceName}, or {@code null}
 * @param packages     installed packages, {@code namespace:name}; tell a control instance from an execution one
 */
public record ServerFacts(Instant serverDate, ZoneId operatorZone, String instanceName, List<String> packages) {

    public static final ServerFacts UNKNOWN = new ServerFacts(null, null, null, List.of());

    public ServerFacts {
        packages = List.copyOf(packages);
    }

    /** Whether the Message Center control package is installed; {@code null} when the packages are unknown. */
    public Boolean isControlInstance() {
        return packages.isEmpty() ? null : packages.contains("nms:messageCenterControl");
    }
}
