import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Invokes the packaged function locally, through the same entry point Lambda uses
 * ({@code QuarkusStreamHandler::handleRequest}), once per event file, and prints each response.
 * Run by ./invoke; needs the unpacked function.zip on the class path.
 */
public class LocalInvoke {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LocalInvoke EVENT.json [EVENT.json ...]");
            System.exit(2);
        }
        QuarkusStreamHandler handler = new QuarkusStreamHandler();
        ObjectMapper mapper = new ObjectMapper();
        for (String file : args) {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(file))), response, context());
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(response.toByteArray())));
        }
        System.exit(0);
    }

    /** A Lambda context with plausible values; only the request id matters to the function. */
    private static Context context() {
        String requestId = UUID.randomUUID().toString();
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, methodArgs) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> "mcsynch-restart-check-local";
                    case "getFunctionVersion" -> "$LATEST";
                    case "getMemoryLimitInMB" -> 512;
                    case "getRemainingTimeInMillis" -> 15_000;
                    case "toString" -> "LocalContext[" + requestId + "]";
                    default -> null;
                });
    }
}
