package com.campaignops.ka05406.time;

import com.campaignops.ka05406.messages.Messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The UTC offsets clocks actually show somewhere, summer and winter: where a server of unknown zone may be. */
public final class UtcOffsets {

    private UtcOffsets() {
    }

    /** Every offset any IANA zone uses in mid-January or mid-July 2025, from the JDK's time-zone data. */
    public static List<ZoneOffset> inUse() {
        return Holder.OFFSETS;
    }

    /** {@code UTC+05:30}, {@code UTC-03:00}, {@code UTC+00:00}. */
    public static String describe(ZoneOffset offset) {
        return "UTC" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    }

    /**
     * Offsets as a sentence lists them: three or more whole hours in a row as one range ("UTC-12:00 to UTC+14:00,
     * every whole hour"), the others one by one, joined with "or" in the reader's language.
     */
    public static String describe(List<ZoneOffset> offsets, Messages messages) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            int j = i;
            // A whole hour and the next offset an hour later: a whole hour too.
            while (j + 1 < offsets.size() && offsets.get(j).getTotalSeconds() % 3600 == 0
                    && offsets.get(j + 1).getTotalSeconds() - offsets.get(j).getTotalSeconds() == 3600) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(messages.get("zone.offsetRange", describe(offsets.get(i)), describe(offsets.get(j))));
                i = j;
            } else {
                parts.add(describe(offsets.get(i)));
            }
        }
        return messages.orList(parts);
    }

    /** Computed on first use only: a deployment with a configured zone never pays for it. */
    private static final class Holder {
        static final Instant WINTER = Instant.parse("2025-01-15T12:00:00Z");
        static final Instant SUMMER = Instant.parse("2025-07-15T12:00:00Z");
        // ZoneOffset sorts east to west (+14:00 first); listed west to east they read as a number line.
        static final List<ZoneOffset> OFFSETS = ZoneId.getAvailableZoneIds().stream().map(ZoneId::of)
                .flatMap(zone -> Stream.of(zone.getRules().getOffset(WINTER), zone.getRules().getOffset(SUMMER)))
                .collect(Collectors.toCollection(TreeSet::new)).descendingSet().stream().toList();
    }
}
