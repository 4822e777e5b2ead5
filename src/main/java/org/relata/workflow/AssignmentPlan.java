package org.relata.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Automatic assignment: each document to k of the chosen annotators, the least loaded first. Ties are broken by a
 * shuffle from the seed, so the same seed on the same project state gives the same assignment.
 */
final class AssignmentPlan {

    record Pair(long documentId, long userId) {
    }

    private AssignmentPlan() {
    }

    /**
     * @param documents in the order they are handed out (ascending id)
     * @param annotators user ids, in a fixed order (the request's)
     * @param load current number of assignments per annotator in the project
     * @param existing (document, user) pairs already assigned; they count toward k and are not repeated
     */
    static List<Pair> plan(List<Long> documents, List<Long> annotators, Map<Long, Long> load, Set<Pair> existing,
            int perDocument, long seed) {
        Random random = new Random(seed);
        Map<Long, Long> current = new HashMap<>();
        for (Long annotator : annotators) {
            current.put(annotator, load.getOrDefault(annotator, 0L));
        }
        List<Pair> created = new ArrayList<>();
        for (Long document : documents) {
            List<Long> candidates = new ArrayList<>();
            int already = 0;
            for (Long annotator : annotators) {
                if (existing.contains(new Pair(document, annotator))) {
                    already++;
                } else {
                    candidates.add(annotator);
                }
            }
            Collections.shuffle(candidates, random);
            candidates.sort(Comparator.comparing(current::get)); // stable: the shuffle decides among equal loads
            for (int i = 0; i < perDocument - already && i < candidates.size(); i++) {
                Long annotator = candidates.get(i);
                created.add(new Pair(document, annotator));
                current.merge(annotator, 1L, Long::sum);
            }
        }
        return created;
    }
}
