package com.example.beans;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import javax.sql.DataSource;

/** A revision written for the starter, whose constructor takes a bean. */
@Revision(id = "4d5e6f7a8b9c", revises = "3c4d5e6f7a8b", message = "needs a bean")
public class NeedsDataSource implements JavaRevision {

    public NeedsDataSource(DataSource dataSource) {
        // The starter would pass its DataSource bean.
    }

    @Override
    public void upgrade(Operations op) {
        op.execute("SELECT 1");
    }
}
