package com.campaignops.ka05406.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.time.ZoneId;

/** IANA zone names; blank means "not set", which {@code ZoneId.of} alone would reject. */
public class ZoneIdConverter implements Converter<ZoneId> {

    @Override
    public ZoneId convert(String value) {
        return value == null || value.isBlank() ? null : ZoneId.of(value.strip());
    }
}
