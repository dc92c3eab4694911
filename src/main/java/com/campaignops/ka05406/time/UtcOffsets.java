package com.campaignops.ka05406.time;

import com.campaignops.ka05406.messages.Messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The UTC offsets clocks actually show somewhere, summer and winter: where a server of unknown zone may be. */
public final class UtcOffsets {

    private UtcOffsets() {
    }

    /** Every offset any IANA zone uses in January or July of this decade, from the JDK's time-zone data. */
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
        int i = 0;
        while (i < offsets.size()) {
            int j = i;
            while (j + 1 < offsets.size() && isWholeHour(offsets.get(j)) && isWholeHour(offsets.get(j + 1))
                    && offsets.get(j + 1).getTotalSeconds() - offsets.get(j).getTotalSeconds() == 3600) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(messages.get("zone.offsetRange", describe(offsets.get(i)), describe(offsets.get(j))));
                i = j + 1;
            } else {
                parts.add(describe(offsets.get(i)));
                i++;
            }
        }
        return messages.orList(parts);
    }

    private static boolean isWholeHour(ZoneOffset offset) {
        return offset.getTotalSeconds() % 3600 == 0;
    }

    /** Computed on first use only: a deployment with a configured zone never pays for it. */
    private static final class Holder {
        static final List<ZoneOffset> OFFSETS = compute();

        private static List<ZoneOffset> compute() {
            TreeSet<ZoneOffset> offsets = new TreeSet<>();
            List<Instant> samples = List.of(Instant.parse("2025-01-15T12:00:00Z"), Instant.parse("2025-07-15T12:00:00Z"));
            for (String id : ZoneId.getAvailableZoneIds()) {
                ZoneRules rules = ZoneId.of(id).getRules();
                samples.forEach(at -> offsets.add(rules.getOffset(at)));
            }
            // ZoneOffset sorts east to west (+14:00 first); listed west to east they read as a number line.
            return offsets.descendingSet().stream().toList();
        }
    }
}
