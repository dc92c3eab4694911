package com.campaignops.ka05406.time;

/**
 * The order of day, month and year in a numeric date. {@code 03/04/2025} is 3 April to a French or British
 * console and 4 March to a US one; nothing in the date itself tells which.
 */
public enum DateOrder {
    /** Day first: 27/10/2025, 27.10.2025 (French, British, German, Italian consoles). */
    DMY,
    /** Month first: 10/27/2025 (the console in US English). */
    MDY,
    /** Year first: 2025-10-27, 2025/10/27 (ISO, Campaign's own format, the Japanese console). */
    YMD
}
