package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"ae1027a6acf", "user_foo", "1975ea83b712", "a.b", "x y"})
    void acceptsIdsWithoutReservedCharacters(String id) {
        assertThatCode(() -> Revision.checkId(id)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAtSign() {
        assertThatThrownBy(() -> Revision.checkId("ab@cd"))
                .isInstanceOf(InvalidRevisionIdException.class)
                .hasMessage("Character(s) '@' not allowed in revision identifier 'ab@cd'");
    }

    @Test
    void rejectsEachReservedCharacter() {
        assertThatThrownBy(() -> Revision.checkId("a-b")).hasMessage(
                "Character(s) '-' not allowed in revision identifier 'a-b'");
        assertThatThrownBy(() -> Revision.checkId("a+b")).hasMessage(
                "Character(s) '+' not allowed in revision identifier 'a+b'");
        assertThatThrownBy(() -> Revision.checkId("a:b")).hasMessage(
                "Character(s) ':' not allowed in revision identifier 'a:b'");
    }

    @Test
    void listsSeveralCharactersSortedAndOnce() {
        assertThatThrownBy(() -> Revision.checkId("a:b-c@d+e@f"))
                .isInstanceOf(InvalidRevisionIdException.class)
                .hasMessage("Character(s) '+, -, :, @' not allowed in revision identifier 'a:b-c@d+e@f'")
                .extracting(e -> ((InvalidRevisionIdException) e).revision()).isEqualTo("a:b-c@d+e@f");
    }

    @Test
    void graphRejectsInvalidIds() {
        assertThatThrownBy(() -> Revs.graph(rev("a"), rev("b-1").down("a")))
                .isInstanceOf(InvalidRevisionIdException.class)
                .isInstanceOf(RevisionException.class)
                .hasMessage("Character(s) '-' not allowed in revision identifier 'b-1'");
    }

    @Test
    void selfLoopIsReportedBeforeTheInvalidId() {
        assertThatThrownBy(() -> rev("a-b").down("a-b").build().validate())
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Self-loop is detected in revisions (a-b)");
        assertThatThrownBy(() -> rev("a:b").deps("a:b").build().validate())
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency self-loop is detected in revisions (a:b)");
    }

    @Test
    void downRevisionLoopWinsOverDependencyLoop() {
        assertThatThrownBy(() -> rev("a").down("a").deps("a").build().validate())
                .hasMessage("Self-loop is detected in revisions (a)");
    }

    @Test
    void validRevisionValidates() {
        assertThatCode(() -> rev("b").down("a").deps("c").labels("x").build().validate())
                .doesNotThrowAnyException();
    }
}
