package io.autowatch.testing;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * A model of a SnapStart cold start for the cold-start benchmark, on a JVM that cannot take snapshots: initializes
 * the handler, calls the function's registered CRaC hooks as Lambda does around its snapshot ({@code
 * beforeCheckpoint}, then {@code afterRestore}), then hands over to AWS's runtime client, which asks for the event.
 * What the function spends on that first event is what a restored copy would spend; the restore itself is AWS's and
 * not modelled. Uses nothing but the JDK and reflection, so that it loads nothing the function would not.
 *
 * <p>Usage: {@code java -cp task:task/lib/*:<runtime client>:<this> io.autowatch.testing.SnapStartModel <handler>
 * <class with a static registered() returning Optional of the hooks>}.
 */
public final class SnapStartModel {

    private SnapStartModel() {}

    public static void main(String[] args) throws Exception {
        String handler = args[0];
        Class.forName(handler.split("::")[0]).getConstructor().newInstance(); // init, as before the snapshot
        Method registered = Class.forName(args[1]).getDeclaredMethod("registered");
        registered.setAccessible(true);
        Object hooks = ((Optional<?>) registered.invoke(null))
                .orElseThrow(() -> new IllegalStateException("the function registered no snapshot hooks"));
        Class<?> resource = Class.forName("org.crac.Resource");
        Class<?> context = Class.forName("org.crac.Context");
        resource.getMethod("beforeCheckpoint", context).invoke(hooks, (Object) null);
        // The snapshot is taken here; a restored copy goes on from this point.
        resource.getMethod("afterRestore", context).invoke(hooks, (Object) null);
        Class.forName("com.amazonaws.services.lambda.runtime.api.client.AWSLambda")
                .getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {handler});
    }
}
