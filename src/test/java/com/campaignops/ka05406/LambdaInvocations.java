package com.campaignops.ka05406;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;

/** Invokes the function through Quarkus' mock Lambda event server, as the Lambda runtime would. */
public final class LambdaInvocations {

    private LambdaInvocations() {
    }

    /** Invokes with an event file, relative to the project root (e.g. a sample in events/). */
    public static JsonPath invoke(String eventFile) {
        try {
            return invokeWith(Files.readString(Path.of(eventFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes with a raw event; the mock server answers 200 with whatever the handler returned. */
    public static JsonPath invokeWith(String event) {
        return given().body(event).when().post().then().statusCode(200).extract().jsonPath();
    }
}
