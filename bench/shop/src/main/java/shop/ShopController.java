package shop;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
public class ShopController {
    private final ProductRepository products;
    private final String paymentKey;

    ShopController(ProductRepository products, @Value("${SHOP_PAYMENT_KEY:}") String paymentKey) {
        this.products = products;
        this.paymentKey = paymentKey;
    }

    /** The page the benchmark asks for first: a query through JPA, rendered by Thymeleaf. */
    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("products", products.findAllByOrderByNameAsc());
        model.addAttribute("paymentsReady", !paymentKey.isEmpty());
        return "index";
    }

    @GetMapping("/ready")
    @ResponseBody
    String ready() {
        return "ok";
    }
}
