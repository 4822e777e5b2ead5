package org.relata.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.relata.annotation.SpanFragments;
import org.relata.schema.Schema;
import org.relata.schema.SchemaView;
import org.relata.web.ApiError;
import org.relata.web.ApiException;

/**
 * The directions docs/architecture.md allows between packages. A wrong-way import fails the build here, with the
 * offending class and line in the message.
 */
@AnalyzeClasses(packages = "org.relata", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CODEC = "org.relata.exchange.codec..";
    private static final String FORMATS = "org.relata.exchange.format..";
    private static final String STORE = "org.relata.exchange.store..";
    private static final String[] DATABASE = {"java.sql..", "javax.sql..", "jakarta.persistence..",
        "jakarta.transaction..", "org.hibernate..", "io.quarkus.hibernate..", "io.quarkus.narayana.."};

    // The API's schema and error records are plain data every layer may speak (ExportFormat writes brat's
    // annotation.conf from the Schema record; import errors leave as ApiException). SpanFragments is the one rule
    // for a discontinuous span's pieces, pure and without state, shared by the API and brat's reader so it cannot drift.
    private static final DescribedPredicate<JavaClass> SHARED_RECORDS =
            belongToAnyOf(Schema.class, ApiError.class, ApiException.class, SpanFragments.class);
    private static final DescribedPredicate<JavaClass> SCHEMA_RECORDS = belongToAnyOf(Schema.class, SchemaView.class);

    @ArchTest
    static final ArchRule formatsSpeakOnlyTheCodec = noClasses().that().resideInAPackage(FORMATS)
            .should().dependOnClassesThat(resideInAPackage("org.relata..")
                    .and(not(resideInAnyPackage(CODEC, FORMATS)))
                    .and(not(SHARED_RECORDS)))
            .because("a format reads and writes files; the database side is exchange/store's");

    @ArchTest
    static final ArchRule aFormatNeverImportsAnother = slices().matching("org.relata.exchange.format.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule formatsAndCodecNeverTouchTheDatabase = noClasses().that().resideInAnyPackage(FORMATS, CODEC)
            .should().dependOnClassesThat().resideInAnyPackage(DATABASE);

    @ArchTest
    static final ArchRule theCodecStandsAlone = noClasses().that().resideInAPackage(CODEC)
            .should().dependOnClassesThat(resideInAPackage("org.relata..")
                    .and(not(resideInAPackage(CODEC)))
                    .and(not(SHARED_RECORDS)));

    @ArchTest
    static final ArchRule theStoreUsesTheCodecNotTheFormats = noClasses().that().resideInAPackage(STORE)
            .should().dependOnClassesThat().resideInAPackage(FORMATS)
            .because("formats reach the store only through codec's ImportSink and ExportFormat");

    @ArchTest
    static final ArchRule schemaNeverUsesAnnotation = noClasses().that().resideInAPackage("org.relata.schema..")
            .should().dependOnClassesThat().resideInAPackage("org.relata.annotation..")
            .because("schema asks annotation through its own LabelUses interface");

    @ArchTest
    static final ArchRule projectNeverUsesSchemaServices = noClasses().that().resideInAPackage("org.relata.project..")
            .should().dependOnClassesThat(resideInAPackage("org.relata.schema..")
                    .and(simpleNameEndingWith("Service").or(simpleNameEndingWith("Resource"))
                            .or(simpleNameEndingWith("Pages")).or(simpleNameEndingWith("Rules"))))
            .because("project reaches the schema through its own ProjectSchemas interface");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.relata.(*)..")
            .should().beFreeOfCycles()
            // project's API shows the schema's records (Schema, SchemaView) while schema's types belong to a
            // project; the records are data, not behaviour, so this one edge is allowed (docs/architecture.md).
            .ignoreDependency(resideInAPackage("org.relata.project.."), SCHEMA_RECORDS);
}
