package shop;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.math.BigDecimal;
import java.util.List;

@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    @Bean
    CommandLineRunner seed(ProductRepository products) {
        return args -> products.saveAll(List.of(new Product("Teapot", new BigDecimal("24.90")),
                new Product("Cup", new BigDecimal("6.50")), new Product("Kettle", new BigDecimal("39.00"))));
    }
}
