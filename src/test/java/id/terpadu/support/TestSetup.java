package id.terpadu.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database for every test class. */
@QuarkusTestResource(DatabaseResource.class)
public final class TestSetup {

    private TestSetup() {}
}
