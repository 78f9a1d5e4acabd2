package dev.postmortem.spring;

import dev.postmortem.http.PostMortemHttpApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Serves the post-mortem API through Spring MVC: a handler mapping for its two paths, ahead of
 * the host's own controllers. A separate auto-configuration so that it runs once the API bean
 * exists (or has been replaced by the host's).
 */
@AutoConfiguration(after = PostMortemAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBean(PostMortemHttpApi.class)
public class PostMortemWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "postMortemHandlerMapping")
    public SimpleUrlHandlerMapping postMortemHandlerMapping(PostMortemHttpApi api) {
        PostMortemRequestHandler handler = new PostMortemRequestHandler(api);
        Map<String, Object> urls = new LinkedHashMap<>();
        for (String mount : new String[] {api.basePath(), api.templatesPath(), api.uiPath()}) {
            if (mount == null) {
                continue;
            }
            urls.put(mount, handler);
            urls.put(mount + "/**", handler);
        }
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(urls);
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return mapping;
    }
}
