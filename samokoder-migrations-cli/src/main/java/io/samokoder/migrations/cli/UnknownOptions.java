package io.samokoder.migrations.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports unknown options without their values: a mistyped {@code --passwd=secret} or {@code --pasword secret}
 * would otherwise put the password into a deploy job's log. A value written as {@code --option=value}, and a
 * word right after an unknown option, are shown as {@code ***}; the rest of the report (suggestions, usage) is
 * picocli's.
 */
final class UnknownOptions implements IParameterExceptionHandler {

    private static final String HIDDEN = "***";

    private final IParameterExceptionHandler delegate;

    UnknownOptions(IParameterExceptionHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        if (ex instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
            List<String> hidden = hideValues(unmatched.getUnmatched());
            if (!hidden.equals(unmatched.getUnmatched())) {
                CommandLine command = unmatched.getCommandLine();
                return this.delegate.handleParseException(new UnmatchedArgumentException(command, hidden),
                        hideValues(List.of(args)).toArray(String[]::new));
            }
        }
        return this.delegate.handleParseException(ex, args);
    }

    /**
     * The arguments with the values of unknown options hidden: the part after {@code =}, and the word after an
     * option written without one, whatever it starts with (a password may start with {@code -}).
     */
    static List<String> hideValues(List<String> arguments) {
        List<String> hidden = new ArrayList<>(arguments.size());
        boolean afterOption = false;
        for (String argument : arguments) {
            if (afterOption) {
                hidden.add(HIDDEN);
                afterOption = false;
            } else if (argument.startsWith("-")) {
                int equals = argument.indexOf('=');
                hidden.add(equals < 0 ? argument : argument.substring(0, equals + 1) + HIDDEN);
                afterOption = equals < 0;
            } else {
                hidden.add(argument);
            }
        }
        return hidden;
    }
}
