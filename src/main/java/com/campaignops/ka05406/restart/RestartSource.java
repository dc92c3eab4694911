package com.campaignops.ka05406.restart;

public enum RestartSource {
    /** A JSON endpoint configured for the instance. */
    HTTP_JSON,
    /** Campaign's monitoring XML ({@code /nl/jsp/monitor.jsp}): the start date of the web process. */
    MONITOR_XML,
    /** The configured {@code processRestartTime} in the execution server's zone. */
    SCHEDULE
}
