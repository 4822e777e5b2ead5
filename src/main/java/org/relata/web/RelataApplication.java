package org.relata.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The API's OpenAPI description: both ways a script can authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "Relata API", version = "1",
                description = "Projects, label schemas, documents, annotation layers, import and export."
                        + " Offsets are Unicode code points, end-exclusive. Errors answer"
                        + " {\"error\",\"file\",\"line\",\"field\"}.",
                license = @License(name = "Apache 2.0")),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "token")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
        @SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "A personal API token (rlt_...), made on the API tokens page or with POST /api/tokens")})
public class RelataApplication extends Application {
}
