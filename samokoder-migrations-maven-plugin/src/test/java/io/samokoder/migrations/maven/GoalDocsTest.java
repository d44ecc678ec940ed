package io.samokoder.migrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.ProjectDocuments;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goals as docs/maven-plugin.md and README.md list them, against the plugin's descriptor: each goal has
 * a row in the guide's table that names its own parameters (those every goal takes are named once, below
 * it) and no other, and README's list of goals is the plugin's.
 */
class GoalDocsTest {

    private static final Pattern PROPERTY = Pattern.compile("`(samokoder\\.[A-Za-z]+)");

    /** Per goal, the {@code -D} properties of its parameters. */
    private static Map<String, Set<String>> goals;

    @BeforeAll
    static void readDescriptor() throws Exception {
        goals = new TreeMap<>();
        try (InputStream in = GoalDocsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "the plugin descriptor, made by the build before the tests");
            Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            NodeList mojos = plugin.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                Set<String> properties = new TreeSet<>();
                NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
                for (int p = 0; p < parameters.getLength(); p++) {
                    Element parameter = (Element) parameters.item(p);
                    if (text(parameter, "editable").equals("true")) {
                        properties.add(property(mojo, text(parameter, "name")));
                    }
                }
                goals.put(text(mojo, "goal"), properties);
            }
        }
        assertTrue(goals.size() > 10, () -> "goals in the descriptor: " + goals.keySet());
    }

    @Test
    void theGuideTableNamesEachGoalsOwnParametersAndTheTextBelowItThoseOfEveryGoal() throws Exception {
        String guide = ProjectDocuments.read("docs/maven-plugin.md");
        Map<String, Set<String>> rows = new TreeMap<>();
        for (String line : guide.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            rows.put(cells[1].trim().replace("`", ""), properties(cells[2]));
        }
        assertEquals(goals.keySet(), rows.keySet(), "goals of docs/maven-plugin.md's table");

        Set<String> everyGoal = new TreeSet<>(goals.values().iterator().next());
        goals.values().forEach(everyGoal::retainAll);
        Matcher sentence = Pattern.compile("Every goal also takes (.+?)\\.\\s", Pattern.DOTALL).matcher(guide);
        assertTrue(sentence.find(), "the guide's sentence on the parameters of every goal");
        assertEquals(everyGoal, properties(sentence.group(1)), "the parameters that the guide says every goal takes");

        Map<String, Set<String>> expected = new TreeMap<>();
        goals.forEach((goal, properties) -> {
            Set<String> own = new TreeSet<>(properties);
            own.removeAll(everyGoal);
            expected.put(goal, own);
        });
        assertEquals(expected, rows, "per goal, the parameters docs/maven-plugin.md's table names");
    }

    @Test
    void readmeListsEveryGoal() throws Exception {
        String readme = ProjectDocuments.read("README.md");
        Matcher list = Pattern.compile("\nGoals: ([^.]+)\\.").matcher(readme);
        assertTrue(list.find(), "README.md's \"Goals:\" sentence");
        Set<String> listed = new TreeSet<>();
        Matcher goal = Pattern.compile("`([a-z]+)`").matcher(list.group(1));
        while (goal.find()) {
            listed.add(goal.group(1));
        }
        assertEquals(goals.keySet(), listed, "goals README.md lists");
    }

    /** A parameter's {@code -D} property: its expression's, or for the password the one the goal reads. */
    private static String property(Element mojo, String parameter) {
        NodeList configured = ((Element) mojo.getElementsByTagName("configuration").item(0))
            .getElementsByTagName(parameter);
        String expression = configured.getLength() == 0 ? "" : configured.item(0).getTextContent();
        return expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : "samokoder." + parameter;
    }

    private static Set<String> properties(String text) {
        Set<String> properties = new TreeSet<>();
        Matcher matcher = PROPERTY.matcher(text);
        while (matcher.find()) {
            properties.add(matcher.group(1));
        }
        return properties;
    }

    private static String text(Element element, String child) {
        return element.getElementsByTagName(child).item(0).getTextContent().trim();
    }
}
