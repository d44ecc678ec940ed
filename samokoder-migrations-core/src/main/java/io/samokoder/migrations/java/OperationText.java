package io.samokoder.migrations.java;

import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.SqlValue;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import java.util.List;

/**
 * Writes an operation's canonical text, the text its checksum covers, into a builder: exactly its
 * {@code toString()} (records' {@code Name[component=value, ...]}, lists as {@code [a, b]},
 * {@code null} as {@code null}), without the intermediate strings of nested {@code toString()}
 * calls, which on Java 17 format every record through {@link String#format}. A value of a type not
 * written here is written by its own {@code toString()}.
 */
final class OperationText {

    private OperationText() {
    }

    /** Appends the value's {@code toString()}. */
    static void append(StringBuilder out, Object value) {
        if (value == null || value instanceof String || value instanceof Enum<?> || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Operation operation) {
            operation(out, operation);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Type t) {
            type(out, t);
        } else if (value instanceof SqlValue v) {
            out.append("SqlValue[kind=").append(v.kind()).append(", text=").append(v.text()).append(']');
        } else if (value instanceof Operation.Parameter p) {
            out.append("Parameter[name=").append(p.name()).append(", value=");
            append(out, p.value());
            out.append(']');
        } else if (value instanceof Operation.Row r) {
            out.append("Row[columns=");
            append(out, r.columns());
            out.append(", values=");
            append(out, r.values());
            out.append(']');
        } else if (!tableElement(out, value)) {
            out.append(value);
        }
    }

    /** Appends a column, constraint or index as its {@code toString()}; false for any other value. */
    private static boolean tableElement(StringBuilder out, Object value) {
        if (value instanceof Column c) {
            out.append("Column[name=").append(c.name()).append(", type=");
            type(out, c.type());
            out.append(", nullable=").append(c.nullable()).append(", inPrimaryKey=").append(c.inPrimaryKey())
                    .append(", isUnique=").append(c.isUnique()).append(", isAutoincrement=").append(c.isAutoincrement())
                    .append(", serverDefault=").append(c.serverDefault()).append(", comment=").append(c.comment())
                    .append(']');
        } else if (value instanceof PrimaryKey k) {
            out.append("PrimaryKey[name=").append(k.name()).append(", columns=");
            append(out, k.columns());
            out.append(']');
        } else if (value instanceof Unique u) {
            out.append("Unique[name=").append(u.name()).append(", columns=");
            append(out, u.columns());
            out.append(']');
        } else if (value instanceof Check c) {
            out.append("Check[name=").append(c.name()).append(", condition=").append(c.condition());
            // Only when set: the text of every check recorded before notValid() existed stays as it was.
            out.append(c.isNotValid() ? ", isNotValid=true]" : "]");
        } else if (value instanceof ForeignKey f) {
            out.append("ForeignKey[name=").append(f.name()).append(", columns=");
            append(out, f.columns());
            out.append(", referredTable=").append(f.referredTable()).append(", referredColumns=");
            append(out, f.referredColumns());
            out.append(", onDelete=").append(f.onDelete()).append(", onUpdate=").append(f.onUpdate())
                    .append(", isNotValid=").append(f.isNotValid()).append(']');
        } else if (value instanceof Index i) {
            out.append("Index[name=").append(i.name()).append(", table=").append(i.table()).append(", elements=");
            append(out, i.elements());
            out.append(", isUnique=").append(i.isUnique()).append(", where=").append(i.where())
                    .append(", isConcurrent=").append(i.isConcurrent()).append(']');
        } else if (value instanceof IndexElement e) {
            out.append("IndexElement[text=").append(e.text()).append(", expression=").append(e.expression()).append(']');
        } else {
            return false;
        }
        return true;
    }

    /** As {@link Type#toString()}. */
    private static void type(StringBuilder out, Type t) {
        out.append("Type[kind=").append(t.kind()).append(", length=").append(t.length()).append(", precision=")
                .append(t.precision()).append(", scale=").append(t.scale()).append(", enumName=").append(t.enumName())
                .append(", values=");
        append(out, t.values());
        if (!t.sql().isEmpty()) {
            out.append(", sql=").append(t.sql());
        }
        if (!t.createType()) {
            out.append(", createType=false");
        }
        out.append(']');
    }

    private static void operation(StringBuilder out, Operation operation) {
        if (operation instanceof Operation.CreateTable t) {
            out.append("CreateTable[table=").append(t.table()).append(", columns=");
            append(out, t.columns());
            out.append(", constraints=");
            append(out, t.constraints());
            out.append(", comment=").append(t.comment()).append(']');
        } else if (operation instanceof Operation.DropTable t) {
            out.append("DropTable[table=").append(t.table()).append(']');
        } else if (operation instanceof Operation.RenameTable t) {
            out.append("RenameTable[table=").append(t.table()).append(", newName=").append(t.newName()).append(']');
        } else if (operation instanceof Operation.AddColumn a) {
            out.append("AddColumn[table=").append(a.table()).append(", column=");
            append(out, a.column());
            out.append(']');
        } else if (operation instanceof Operation.DropColumn d) {
            out.append("DropColumn[table=").append(d.table()).append(", column=").append(d.column()).append(']');
        } else if (operation instanceof Operation.AlterColumn a) {
            alterColumn(out, a);
        } else if (operation instanceof Operation.CreateTableComment c) {
            out.append("CreateTableComment[table=").append(c.table()).append(", comment=").append(c.comment())
                    .append(", existingComment=").append(c.existingComment()).append(']');
        } else if (operation instanceof Operation.DropTableComment c) {
            out.append("DropTableComment[table=").append(c.table()).append(", existingComment=")
                    .append(c.existingComment()).append(']');
        } else if (operation instanceof Operation.CreateIndex i) {
            out.append("CreateIndex[index=");
            append(out, i.index());
            out.append(']');
        } else if (operation instanceof Operation.DropIndex d) {
            out.append("DropIndex[table=").append(d.table()).append(", name=").append(d.name())
                    .append(", concurrently=").append(d.concurrently()).append(']');
        } else if (operation instanceof Operation.AddConstraint a) {
            out.append("AddConstraint[table=").append(a.table()).append(", constraint=");
            append(out, a.constraint());
            out.append(']');
        } else if (operation instanceof Operation.DropConstraint d) {
            out.append("DropConstraint[table=").append(d.table()).append(", name=").append(d.name())
                    .append(", kind=").append(d.kind()).append(']');
        } else if (operation instanceof Operation.ValidateConstraint v) {
            out.append("ValidateConstraint[table=").append(v.table()).append(", name=").append(v.name()).append(']');
        } else if (operation instanceof Operation.CreateEnumType e) {
            out.append("CreateEnumType[type=");
            type(out, e.type());
            out.append(']');
        } else if (operation instanceof Operation.DropEnumType e) {
            out.append("DropEnumType[name=").append(e.name()).append(']');
        } else if (operation instanceof Operation.CreateSequence s) {
            out.append("CreateSequence[name=").append(s.name()).append(", start=").append(s.start())
                    .append(", increment=").append(s.increment()).append(']');
        } else if (operation instanceof Operation.DropSequence s) {
            out.append("DropSequence[name=").append(s.name()).append(']');
        } else if (operation instanceof Operation.Execute e) {
            out.append("Execute[sql=").append(e.sql()).append(", parameters=");
            append(out, e.parameters());
            out.append(", binds=").append(e.binds()).append(']');
        } else if (operation instanceof Operation.BulkInsert b) {
            out.append("BulkInsert[table=").append(b.table()).append(", rows=");
            append(out, b.rows());
            out.append(']');
        } else if (operation instanceof Operation.BatchAlterTable b) {
            out.append("BatchAlterTable[table=").append(b.table()).append(", operations=");
            append(out, b.operations());
            out.append(']');
        } else {
            out.append(operation);
        }
    }

    /** As {@link Operation.AlterColumn#toString()}. */
    private static void alterColumn(StringBuilder out, Operation.AlterColumn a) {
        out.append("AlterColumn[table=").append(a.table()).append(", column=").append(a.column()).append(", type=");
        append(out, a.type());
        out.append(", using=").append(a.using()).append(", nullable=").append(a.nullable())
                .append(", serverDefault=").append(a.serverDefault()).append(", dropServerDefault=")
                .append(a.dropServerDefault()).append(", newName=").append(a.newName()).append(", comment=")
                .append(a.comment()).append(", dropComment=").append(a.dropComment()).append(", existingType=");
        append(out, a.existingType());
        out.append(", existingNullable=").append(a.existingNullable()).append(", existingServerDefault=")
                .append(a.existingServerDefault()).append(", existingComment=").append(a.existingComment());
        if (a.existingAutoincrement()) {
            out.append(", existingAutoincrement=true");
        }
        out.append(']');
    }
}
