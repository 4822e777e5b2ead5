package org.relata.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How long one kind of expiring rows is kept and how often its purge runs: {@code <prefix>.retention-days} and
 * {@code <prefix>.purge-interval-minutes}. Each kind injects it under its own prefix
 * ({@code @ConfigMapping(prefix = "relata.audit") Retention}); the trash's is the one named here. The days of every
 * kind are set in application.properties.
 */
@ConfigMapping(prefix = "relata.trash")
public interface Retention {

    @WithName("retention-days")
    int days();

    @WithName("purge-interval-minutes")
    @WithDefault("60")
    long purgeIntervalMinutes();
}
