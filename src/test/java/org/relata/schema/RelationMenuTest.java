package org.relata.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.schema.RelationMenu.Choice;
import org.relata.schema.Schema.Pair;
import org.relata.schema.Schema.RelationTypeSpec;

class RelationMenuTest {

    private static RelationTypeSpec type(String name, boolean directed, Pair... pairs) {
        return new RelationTypeSpec(null, name, directed, List.of(pairs), null, null);
    }

    private static RelationMenu menu(RelationTypeSpec... types) {
        return RelationMenu.of(new Schema(List.of(), List.of(types), List.of()));
    }

    @Test
    void aTypeWithoutPairsFitsAnyPair() {
        RelationMenu menu = menu(type("RELATED", true));
        assertEquals(List.of("RELATED"), menu.any());
        assertEquals(Map.of(), menu.pairs());
    }

    @Test
    void aDirectedTypeIsOfferedReversedWhenTheSpansComeTheOtherWayRound() {
        RelationMenu menu = menu(type("LIVES_IN", true, new Pair("PERSON", "COUNTRY")));
        assertEquals(List.of(new Choice("LIVES_IN", false)), menu.pairs().get("PERSON\tCOUNTRY"));
        assertEquals(List.of(new Choice("LIVES_IN", true)), menu.pairs().get("COUNTRY\tPERSON"));
    }

    @Test
    void anUndirectedTypeFitsBothOrdersWithoutReversal() {
        RelationMenu menu = menu(type("ALLY_OF", false, new Pair("COUNTRY", "ORG")));
        assertEquals(List.of(new Choice("ALLY_OF", false)), menu.pairs().get("COUNTRY\tORG"));
        assertEquals(List.of(new Choice("ALLY_OF", false)), menu.pairs().get("ORG\tCOUNTRY"));
    }

    @Test
    void aPairOfOneTypeIsNeverOfferedReversed() {
        RelationMenu menu = menu(type("BORDERS", true, new Pair("COUNTRY", "COUNTRY")));
        assertEquals(List.of(new Choice("BORDERS", false)), menu.pairs().get("COUNTRY\tCOUNTRY"));
    }

    @Test
    void choicesKeepTheSchemaOrder() {
        RelationMenu menu = menu(type("A", true, new Pair("X", "Y"), new Pair("Y", "X")), type("B", false, new Pair("Y", "X")));
        assertEquals(List.of(new Choice("A", false), new Choice("A", true), new Choice("B", false)),
                menu.pairs().get("X\tY"));
    }
}
