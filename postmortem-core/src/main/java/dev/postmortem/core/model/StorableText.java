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

/** Text the product can store and read back unchanged ({@link PlainText}); {@code null} passes. */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = StorableText.Validator.class)
public @interface StorableText {

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableText, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            String problem = PlainText.problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the message names a character, never user text: nothing to interpolate
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("}", "\\}"))
                    .addConstraintViolation();
            return false;
        }
    }
}
