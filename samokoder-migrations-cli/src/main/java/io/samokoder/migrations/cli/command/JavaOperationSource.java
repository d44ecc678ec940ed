package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Constraint;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.TypeKind;
import io.samokoder.migrations.ops.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Java source of {@code op.*} calls that record given operations: each {@link Operation} becomes the
 * statement of {@link io.samokoder.migrations.ops.Operations} that records exactly it (through the public
 * factories: {@code Column.of(...).notNull()}, {@code Type.string(255)}, {@code Index.on(...).named(...)},
 * ...). Statements come without indentation, lines separated by {@code \n}; the classes they use are
 * collected for the imports. One instance per generated class.
 */
final class JavaOperationSource {

    private static final String OPS = "io.samokoder.migrations.ops.";

    /** Past this width a chain of calls is broken into one call per line. */
    private static final int WIDTH = 100;

    private final Set<String> imports = new TreeSet<>();
    private final JavaDataSource data = new JavaDataSource(this::use);

    /** The classes the statements so far use, fully qualified and sorted. */
    Set<String> imports() {
        return Set.copyOf(this.imports);
    }

    /** The statement (or block) that records the operation. */
    String statement(Operation operation) {
        if (operation instanceof Operation.CreateTable t) {
            return createTable(t);
        } else if (operation instanceof Operation.DropTable t) {
            return "op.dropTable(" + literal(t.table()) + ");";
        } else if (operation instanceof Operation.RenameTable t) {
            return "op.renameTable(" + literal(t.table()) + ", " + literal(t.newName()) + ");";
        } else if (operation instanceof Operation.AddColumn a) {
            return "op.addColumn(" + literal(a.table()) + ", " + column(a.column()) + ");";
        } else if (operation instanceof Operation.DropColumn d) {
            return "op.dropColumn(" + literal(d.table()) + ", " + literal(d.column()) + ");";
        } else if (operation instanceof Operation.AlterColumn a) {
            return "op.alterColumn(" + literal(a.table()) + ", " + literal(a.column()) + ", " + columnChange(a) + ");";
        } else if (operation instanceof Operation.CreateIndex i) {
            return "op.createIndex(" + index(i.index()) + ");";
        } else if (operation instanceof Operation.DropIndex d) {
            return (d.concurrently() ? "op.dropIndexConcurrently(" : "op.dropIndex(") + literal(d.name()) + ", "
                    + literal(d.table()) + ");";
        } else if (operation instanceof Operation.AddConstraint a) {
            return "op." + addConstraintMethod(a.constraint()) + "(" + literal(a.table()) + ", "
                    + constraint(a.constraint()) + ");";
        } else if (operation instanceof Operation.DropConstraint d) {
            return "op.dropConstraint(" + literal(d.name()) + ", " + literal(d.table()) + ", " + use("ConstraintKind")
                    + "." + d.kind().name() + ");";
        } else if (operation instanceof Operation.ValidateConstraint v) {
            return "op.validateConstraint(" + literal(v.name()) + ", " + literal(v.table()) + ");";
        } else if (operation instanceof Operation.CreateEnumType c) {
            return "op.createEnumType(" + type(c.type()) + ");";
        } else if (operation instanceof Operation.DropEnumType d) {
            return "op.dropEnumType(" + literal(d.name()) + ");";
        } else if (operation instanceof Operation.CreateSequence c) {
            return c.start() == 1 && c.increment() == 1 ? "op.createSequence(" + literal(c.name()) + ");"
                    : "op.createSequence(" + literal(c.name()) + ", " + c.start() + "L, " + c.increment() + "L);";
        } else if (operation instanceof Operation.DropSequence d) {
            return "op.dropSequence(" + literal(d.name()) + ");";
        } else if (operation instanceof Operation.CreateTableComment c) {
            return "op.createTableComment(" + literal(c.table()) + ", " + literal(c.comment())
                    + (c.existingComment() == null ? "" : ", " + literal(c.existingComment())) + ");";
        } else if (operation instanceof Operation.DropTableComment d) {
            return "op.dropTableComment(" + literal(d.table())
                    + (d.existingComment() == null ? "" : ", " + literal(d.existingComment())) + ");";
        } else if (operation instanceof Operation.Execute e) {
            return this.data.execute(e);
        } else if (operation instanceof Operation.BulkInsert b) {
            return this.data.bulkInsert(b);
        } else if (operation instanceof Operation.BatchAlterTable b) {
            return batch(b);
        }
        throw new IllegalArgumentException("No op.* call records " + operation.getClass().getSimpleName());
    }

    private String createTable(Operation.CreateTable table) {
        List<String> elements = new ArrayList<>();
        for (Column column : table.columns()) {
            elements.add(column(column));
        }
        List<Constraint> constraints = table.constraints();
        int derived = derivedConstraints(table);
        for (Constraint constraint : constraints.subList(derived, constraints.size())) {
            elements.add(constraint(constraint));
        }
        if (table.comment() != null) {
            elements.add(use("TableComment") + ".of(" + literal(table.comment()) + ")");
        }
        StringBuilder out = new StringBuilder("op.createTable(").append(literal(table.table()));
        for (String element : elements) {
            out.append(",\n        ").append(element);
        }
        return out.append(");").toString();
    }

    /**
     * How many leading constraints {@code createTable} derives itself from the columns' {@code primaryKey()}
     * and {@code unique()} (the key first, then a unique constraint per unique column), so they are not
     * written twice; 0 when the leading constraints are not those.
     */
    private static int derivedConstraints(Operation.CreateTable table) {
        List<Constraint> expected = new ArrayList<>();
        List<String> keyColumns = table.columns().stream().filter(Column::inPrimaryKey).map(Column::name).toList();
        if (!keyColumns.isEmpty()) {
            expected.add(new PrimaryKey(null, keyColumns));
        }
        table.columns().stream().filter(Column::isUnique).forEach(c -> expected.add(new Unique(null, List.of(c.name()))));
        if (expected.size() > table.constraints().size()) {
            return 0;
        }
        for (int i = 0; i < expected.size(); i++) {
            Constraint actual = table.constraints().get(i);
            if (actual.kind() != expected.get(i).kind() || !actual.columns().equals(expected.get(i).columns())) {
                return 0;
            }
        }
        return expected.size();
    }

    String column(Column column) {
        if (column.inPrimaryKey() && column.nullable()) {
            // No factory makes a nullable key column: the canonical constructor does.
            return "new " + use("Column") + "(" + literal(column.name()) + ", " + type(column.type()) + ", true, true, "
                    + column.isUnique() + ", " + column.isAutoincrement() + ", " + literal(column.serverDefault()) + ", "
                    + literal(column.comment()) + ")";
        }
        List<String> calls = new ArrayList<>();
        if (column.inPrimaryKey()) {
            calls.add(".primaryKey()");
        } else if (!column.nullable()) {
            calls.add(".notNull()");
        }
        if (column.isUnique()) {
            calls.add(".unique()");
        }
        if (column.isAutoincrement()) {
            calls.add(".autoincrement()");
        }
        if (column.serverDefault() != null) {
            calls.add(".serverDefault(" + literal(column.serverDefault()) + ")");
        }
        if (column.comment() != null) {
            calls.add(".comment(" + literal(column.comment()) + ")");
        }
        return use("Column") + ".of(" + literal(column.name()) + ", " + type(column.type()) + ")" + String.join("", calls);
    }

    String type(Type type) {
        TypeKind kind = type.kind();
        boolean noSize = type.length() == 0 && type.precision() == 0 && type.scale() == 0;
        boolean noEnum = type.enumName().isEmpty() && type.values().isEmpty();
        boolean plain = noEnum && type.sql().isEmpty();
        String t = use("Type");
        if (kind == TypeKind.SQL && noSize && noEnum) {
            return t + ".sql(" + literal(type.sql()) + ")";
        }
        if (kind == TypeKind.ENUM && noSize && type.sql().isEmpty()) {
            StringBuilder out = new StringBuilder(t).append(".enumOf(").append(literal(type.enumName()));
            type.values().forEach(v -> out.append(", ").append(literal(v)));
            return out.append(type.createType() ? ")" : ").existing()").toString();
        }
        if (kind == TypeKind.STRING && plain && type.precision() == 0 && type.scale() == 0) {
            return type.length() == 0 ? t + ".string()" : t + ".string(" + type.length() + ")";
        }
        if (kind == TypeKind.NUMERIC && plain && type.length() == 0) {
            return t + ".numeric(" + type.precision() + ", " + type.scale() + ")";
        }
        if (kind != TypeKind.STRING && kind != TypeKind.NUMERIC && kind != TypeKind.ENUM && kind != TypeKind.SQL
                && plain && noSize) {
            return t + "." + kind.name();
        }
        // A combination no factory makes: the canonical constructor.
        List<String> values = type.values().stream().map(JavaOperationSource::literal).toList();
        return "new " + t + "(" + use("TypeKind") + "." + kind.name() + ", " + type.length() + ", " + type.precision()
                + ", " + type.scale() + ", " + literal(type.enumName()) + ", " + use("java.util.List") + ".of("
                + String.join(", ", values) + "), " + literal(type.sql()) + ")";
    }

    private String constraint(Constraint constraint) {
        if (constraint instanceof PrimaryKey pk) {
            return use("PrimaryKey") + ".of(" + literals(pk.columns()) + ")" + named(pk.name());
        } else if (constraint instanceof Unique uq) {
            return use("Unique") + ".of(" + literals(uq.columns()) + ")" + named(uq.name());
        } else if (constraint instanceof Check ck) {
            return (ck.name() == null ? "new " + use("Check") + "(null, " + literal(ck.condition()) + ")"
                    : use("Check") + ".of(" + literal(ck.name()) + ", " + literal(ck.condition()) + ")")
                    + (ck.isNotValid() ? ".notValid()" : "");
        }
        return foreignKey((ForeignKey) constraint);
    }

    private String foreignKey(ForeignKey fk) {
        StringBuilder out = new StringBuilder(use("ForeignKey")).append(".from(").append(literals(fk.columns()))
                .append(").references(").append(literal(fk.referredTable())).append(", ")
                .append(literals(fk.referredColumns())).append(')').append(named(fk.name()));
        if (fk.onDelete() != null) {
            out.append(".onDelete(").append(use("ReferentialAction")).append('.').append(fk.onDelete().name()).append(')');
        }
        if (fk.onUpdate() != null) {
            out.append(".onUpdate(").append(use("ReferentialAction")).append('.').append(fk.onUpdate().name()).append(')');
        }
        if (fk.isNotValid()) {
            out.append(".notValid()");
        }
        return out.toString();
    }

    private static String addConstraintMethod(Constraint constraint) {
        return switch (constraint.kind()) {
            case PRIMARY_KEY -> "createPrimaryKey";
            case UNIQUE -> "createUniqueConstraint";
            case CHECK -> "createCheckConstraint";
            case FOREIGN_KEY -> "createForeignKey";
        };
    }

    private String index(Index index) {
        List<IndexElement> elements = index.elements();
        StringBuilder out = new StringBuilder();
        if (elements.stream().noneMatch(IndexElement::expression)) {
            out.append(use("Index")).append(".on(").append(literal(index.table())).append(", ")
                .append(literals(elements.stream().map(IndexElement::text).toList())).append(')');
        } else if (elements.stream().allMatch(IndexElement::expression)) {
            out.append(use("Index")).append(".onExpressions(").append(literal(index.table())).append(", ")
                .append(literals(elements.stream().map(IndexElement::text).toList())).append(')');
        } else {
            List<String> parts = new ArrayList<>();
            for (IndexElement element : elements) {
                parts.add("new " + use("IndexElement") + "(" + literal(element.text()) + ", " + element.expression() + ")");
            }
            out.append("new ").append(use("Index")).append("(null, ").append(literal(index.table())).append(", ")
                .append(use("java.util.List")).append(".of(").append(String.join(", ", parts))
                .append("), false, null, false)");
        }
        out.append(named(index.name()));
        if (index.isUnique()) {
            out.append(".unique()");
        }
        if (index.where() != null) {
            out.append(".where(").append(literal(index.where())).append(')');
        }
        if (index.isConcurrent()) {
            out.append(".concurrently()");
        }
        return out.toString();
    }

    private String columnChange(Operation.AlterColumn a) {
        List<String> calls = new ArrayList<>();
        if (a.type() != null) {
            calls.add(".type(" + type(a.type()) + ")");
        }
        if (a.using() != null) {
            calls.add(".using(" + literal(a.using()) + ")");
        }
        if (a.nullable() != null) {
            calls.add(".nullable(" + a.nullable() + ")");
        }
        if (a.serverDefault() != null) {
            calls.add(".serverDefault(" + literal(a.serverDefault()) + ")");
        }
        if (a.dropServerDefault()) {
            calls.add(".dropServerDefault()");
        }
        if (a.newName() != null) {
            calls.add(".rename(" + literal(a.newName()) + ")");
        }
        if (a.comment() != null) {
            calls.add(".comment(" + literal(a.comment()) + ")");
        }
        if (a.dropComment()) {
            calls.add(".dropComment()");
        }
        if (a.existingType() != null) {
            calls.add(".existingType(" + type(a.existingType()) + ")");
        }
        if (a.existingNullable() != null) {
            calls.add(".existingNullable(" + a.existingNullable() + ")");
        }
        if (a.existingServerDefault() != null) {
            calls.add(".existingServerDefault(" + literal(a.existingServerDefault()) + ")");
        }
        if (a.existingComment() != null) {
            calls.add(".existingComment(" + literal(a.existingComment()) + ")");
        }
        if (a.existingAutoincrement()) {
            calls.add(".existingAutoincrement(true)");
        }
        return "c -> c" + chain(calls, "        ");
    }

    /** The calls on one line, or one per line when that line would be too long. */
    private static String chain(List<String> calls, String indent) {
        String oneLine = String.join("", calls);
        if (oneLine.length() <= WIDTH && !oneLine.contains("\n")) {
            return oneLine;
        }
        StringBuilder out = new StringBuilder();
        for (String call : calls) {
            out.append('\n').append(indent).append(call);
        }
        return out.toString();
    }

    private String batch(Operation.BatchAlterTable batch) {
        List<String> calls = new ArrayList<>();
        for (Operation operation : batch.operations()) {
            calls.add(batchCall(batch.table(), operation));
        }
        StringBuilder out = new StringBuilder("op.batchAlterTable(").append(literal(batch.table()))
                .append(", batch -> batch");
        for (String call : calls) {
            out.append("\n        ").append(call);
        }
        return out.append(");").toString();
    }

    private String batchCall(String table, Operation operation) {
        if (operation instanceof Operation.AddColumn a) {
            return ".addColumn(" + column(a.column()) + ")";
        } else if (operation instanceof Operation.DropColumn d) {
            return ".dropColumn(" + literal(d.column()) + ")";
        } else if (operation instanceof Operation.AlterColumn a) {
            return ".alterColumn(" + literal(a.column()) + ", " + columnChange(a) + ")";
        } else if (operation instanceof Operation.AddConstraint a) {
            return "." + addConstraintMethod(a.constraint()) + "(" + constraint(a.constraint()) + ")";
        } else if (operation instanceof Operation.DropConstraint d) {
            return ".dropConstraint(" + literal(d.name()) + ", " + use("ConstraintKind") + "." + d.kind().name() + ")";
        }
        throw new IllegalArgumentException("A batch of table " + table + " cannot hold "
                + operation.getClass().getSimpleName() + "; write it as a statement of its own");
    }

    private static String named(String name) {
        return name == null ? "" : ".named(" + literal(name) + ")";
    }

    private static String literals(List<String> values) {
        return String.join(", ", values.stream().map(JavaOperationSource::literal).toList());
    }

    /** The simple name of a class of the operations API (or a JDK class, given fully qualified), imported. */
    private String use(String name) {
        String qualified = name.contains(".") ? name : OPS + name;
        this.imports.add(qualified);
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /**
     * A Java string literal ({@code null} for null). Control characters are written as escapes that javac
     * reads inside a literal (not as {@code \}{@code u} escapes, which it would turn into line breaks first).
     */
    static String literal(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
