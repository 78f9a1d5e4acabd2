package dev.postmortem.spring;

import dev.postmortem.http.PostMortemHttpApi;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
        List<String> mounts = new ArrayList<>(api.apiPaths());
        if (api.uiPath() != null) {
            mounts.add(api.uiPath());
        }
        for (String mount : mounts) {
            urls.put(mount, handler);
            urls.put(mount + "/**", handler);
        }
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(urls);
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return mapping;
    }

    /** Problem documents, not the host's error page, for errors raised before the API saw the request. */
    @Bean
    @ConditionalOnMissingBean(name = "postMortemErrorDispatchFilter")
    public FilterRegistrationBean<ApiErrorDispatchFilter> postMortemErrorDispatchFilter(PostMortemHttpApi api) {
        FilterRegistrationBean<ApiErrorDispatchFilter> registration =
                new FilterRegistrationBean<>(new ApiErrorDispatchFilter(api));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        // before Spring Security, which would refuse the error dispatch of an anonymous request
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** For the host's SecurityFilterChain: the API's 401 as a problem document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.AuthenticationEntryPoint")
    static class SpringSecurityEntryPoint {

        @Bean
        @ConditionalOnMissingBean
        PostMortemAuthenticationEntryPoint postMortemAuthenticationEntryPoint(PostMortemHttpApi api) {
            return new PostMortemAuthenticationEntryPoint(api);
        }
    }

    /** The API's entry point and CSRF exemption in every SecurityFilterChain: see {@link PostMortemHttpSecurity}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.config.annotation.web.builders.HttpSecurity")
    @ConditionalOnProperty(prefix = "postmortem.security", name = "configure-http-security", matchIfMissing = true)
    static class SpringSecurityChains {

        @Bean
        Customizer<HttpSecurity> postMortemHttpSecurity(PostMortemHttpApi api) {
            return PostMortemHttpSecurity.customizer(api);
        }
    }

    /** On Tomcat, also the errors it answers before any servlet runs (malformed URIs, headers too large). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> postMortemTomcatErrors(PostMortemHttpApi api) {
            // The host's valves are in place, and not yet started, when its first context starts.
            return factory -> factory.addContextLifecycleListeners(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                        && ((Context) event.getLifecycle()).getParent() instanceof Host host) {
                    TomcatProblemErrorReportValve.install(host, api);
                }
            });
        }
    }
}
