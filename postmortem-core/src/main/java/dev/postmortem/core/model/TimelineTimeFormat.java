package dev.postmortem.core.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A timeline time in one of the forms {@link TimelineTime} reads; {@code null} is left to @NotNull. */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = TimelineTimeFormat.Validator.class)
public @interface TimelineTimeFormat {

    String message() default TimelineTime.FORMS;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text with the same parser the model uses, so the two cannot disagree. */
    class Validator implements ConstraintValidator<TimelineTimeFormat, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = value == null ? null : TimelineTime.problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
