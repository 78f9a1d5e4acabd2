package dev.postmortem.core.model;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/**
 * All timeline events of one post-mortem use the same form of time: times of day or
 * date-times, never both, since the two cannot be put in one order. The violation is
 * reported at the first event whose form differs from the first event's.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = SingleTimeForm.Validator.class)
public @interface SingleTimeForm {

    String MESSAGE = "uses a different form of time than the first event;"
            + " one post-mortem uses either times of day (14:35) or date-times with offset"
            + " (2024-01-15T14:35:00Z), not both";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleTimeForm, PostMortemInput> {
        @Override
        public boolean isValid(PostMortemInput input, ConstraintValidatorContext context) {
            List<TimelineEventInput> timeline = input.timeline().value();
            if (timeline == null) {
                return true;
            }
            TimelineTime.Form first = null;
            for (int i = 0; i < timeline.size(); i++) {
                TimelineEventInput event = timeline.get(i);
                if (event == null || event.time().value() == null || !TimelineTime.isValid(event.time().value())) {
                    continue; // reported by the event's own constraints
                }
                TimelineTime.Form form = TimelineTime.parse(event.time().value()).form();
                if (first == null) {
                    first = form;
                } else if (form != first) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("timeline")
                            .addPropertyNode("time").inIterable().atIndex(i)
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }
    }
}
