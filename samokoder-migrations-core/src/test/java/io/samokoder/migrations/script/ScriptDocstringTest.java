package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptDocstringTest {

    @Test
    void isTheHeaderBlockWithoutCommentMarks() {
        assertThat(ScriptLoader.parse("db/x.sql", ScriptHeaderTest.FULL).docstring()).isEqualTo("""
                Add users table

                Revision ID: 3f2a9c1b7d4e
                Revises: 1c9d2e4f6a8b
                Create Date: 2026-11-24 12:00:00
                Branch Labels: users
                Depends On: 9e8d7c6b5a4f
                Transactional: true
                Lock Timeout: 5s
                Statement Timeout: 10min""");
    }

    @Test
    void endsAtTheUpgradeMarkerAndSkipsLeadingBlankLines() {
        String text = "\n\n  --Message\n--   Revision ID: a1\n--\n-- migrate:upgrade\nSELECT 1;\n";
        assertThat(ScriptLoader.parse("db/x.sql", text).docstring()).isEqualTo("Message\n  Revision ID: a1");
    }
}
